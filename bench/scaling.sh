#!/usr/bin/env bash
# How kgbuild scales: peak memory at 20, 100 and 500 MB of input (it should stay flat: statements
# are sorted in --sort-memory, the rest goes to temporary files), and throughput on 1 and 2
# threads. Generates the corpora once (bench/corpus/, 600 MB in all) and needs about 8 GB of free
# disk for the 500 MB run's output and temporary files. A measurement, not a test.
# usage: bench/scaling.sh [KGBUILD=build/kgbuild] [SIZES="20 100 500"]
set -euo pipefail
cd "$(dirname "$0")/.."
kgbuild=${1:-build/kgbuild}
sizes=${2:-20 100 500}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-8s %-8s %10s %10s %12s %14s %12s\n' input threads seconds "MB/s" statements "statements/s" "peak MiB"
for mb in $sizes; do
  corpus=bench/corpus/${mb}mb
  [ -d "$corpus" ] || python3 bench/make_corpus.py --megabytes "$mb" --out "$corpus" --files 10 >/dev/null
  bytes=$(cat "$corpus"/*.jsonl | wc -c)
  for threads in 1 2; do
    [ "$mb" -le 100 ] || [ "$threads" -eq 2 ] || continue  # 500 MB on one thread takes too long to be worth it
    /usr/bin/time -f "%e %M" -o "$out/time" "$kgbuild" extract "$corpus" -f nquads -o "$out/graph.nq" -q --threads "$threads"
    read -r seconds peak_kb <"$out/time"
    statements=$(wc -l <"$out/graph.nq")
    awk -v b="$bytes" -v s="$seconds" -v n="$statements" -v m="$peak_kb" -v mb="$mb" -v t="$threads" 'BEGIN {
      printf "%-8s %-8s %10.1f %10.2f %12d %14.0f %12.1f\n", mb " MB", t, s, b / 1e6 / s, n, n / s, m / 1024 }'
    rm -f "$out/graph.nq"
  done
done
