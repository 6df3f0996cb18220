#!/usr/bin/env bash
# Throughput of `kgbuild extract` end to end (to N-Quads) on a generated multilingual corpus.
# usage: bench/run.sh [MEGABYTES=100] [KGBUILD=build/kgbuild]
# Prints input MB/s, statements/s, facts per MB and peak memory, then (with kgbuild-bench-floor
# beside KGBUILD) what ICU and Serd alone cost on the same corpus and graph: the ceiling. Run it on
# an idle machine: it is a measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-100}
kgbuild=${2:-build/kgbuild}
corpus=bench/corpus/${megabytes}mb
if [ ! -d "$corpus" ]; then
  python3 bench/make_corpus.py --megabytes "$megabytes" --out "$corpus" --files 10
fi
bytes=$(cat "$corpus"/*.jsonl | wc -c)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "%e %M" -o "$out/time" "$kgbuild" extract "$corpus" -f nquads -o "$out/graph.nq" 2>"$out/stderr"
read -r seconds peak_kb <"$out/time"
statements=$(wc -l <"$out/graph.nq")
claims=$(grep -c 'rdf-syntax-ns#type> <https://kgbuild.org/ontology#Claim>' "$out/graph.nq" || true)
awk -v b="$bytes" -v s="$seconds" -v n="$statements" -v c="$claims" -v m="$peak_kb" 'BEGIN {
  mb = b / 1e6
  printf "input        %.1f MB (%s)\n", mb, "'"$corpus"'"
  printf "time         %.2f s\n", s
  printf "throughput   %.2f MB/s\n", mb / s
  printf "statements   %d (%.0f per second)\n", n, n / s
  printf "facts        %d (%.0f per MB)\n", c, c / mb
  printf "peak memory  %.1f MB\n", m / 1024
}'
floor="$(dirname "$kgbuild")/kgbuild-bench-floor"
if [ -x "$floor" ]; then
  echo "-- the libraries alone (bench/floor.cpp):"
  "$floor" "$corpus" "$out/graph.nq" | grep -v '^ICU boundaries'
fi
