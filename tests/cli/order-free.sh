#!/usr/bin/env bash
# The graph is a function of the set of articles: a generated 5 MB corpus and the samples, in
# another order, cut into shards extracted apart and merged, on any number of threads and with a
# sort that spills to disk, give the same bytes as one run.
# usage: order-free.sh KGBUILD SRC
set -euo pipefail
kgbuild=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*"; exit 1; }
extract() { "$kgbuild" extract -q "$@"; }

python3 "$src/bench/make_corpus.py" --megabytes 5 --files 1 --seed 3 --out "$tmp/corpus" >/dev/null
cat "$tmp"/corpus/*.jsonl >"$tmp/all.jsonl"
extract "$tmp/all.jsonl" -f nquads -o "$tmp/one.nq" --threads 1
[ "$(wc -l <"$tmp/one.nq")" -gt 100000 ] || fail "the corpus gave too small a graph to tell anything"

# Another order: the lines reversed.
tac "$tmp/all.jsonl" >"$tmp/reversed.jsonl"
extract "$tmp/reversed.jsonl" -f nquads -o "$tmp/reversed.nq" --threads 2
cmp "$tmp/one.nq" "$tmp/reversed.nq" || fail "reversed input on 2 threads"

# Three shards of interleaved lines, each extracted apart; merged, they are the one run.
for k in 0 1 2; do
  awk -v k=$k 'NR % 3 == k' "$tmp/all.jsonl" >"$tmp/shard$k.jsonl"
  extract "$tmp/shard$k.jsonl" -o "$tmp/shard$k.nq"
done
"$kgbuild" merge -q "$tmp/shard2.nq" "$tmp/shard0.nq" "$tmp/shard1.nq" -o "$tmp/merged.nq"
cmp "$tmp/one.nq" "$tmp/merged.nq" || fail "three shards merged"

# --into is a merge: a graph of one shard, the other two added to it in 1 MiB of sorting.
cp "$tmp/shard0.nq" "$tmp/into.nq"
extract "$tmp/shard1.jsonl" "$tmp/shard2.jsonl" --into "$tmp/into.nq" --sort-memory 1
cmp "$tmp/one.nq" "$tmp/into.nq" || fail "--into a graph of one shard"

# A sort in 1 MiB (dozens of runs on disk) and 3 threads: the same bytes.
extract "$tmp/all.jsonl" -f nquads -o "$tmp/small-sort.nq" --sort-memory 1 --threads 3 --temp-dir "$tmp"
cmp "$tmp/one.nq" "$tmp/small-sort.nq" || fail "a sort that spilled to disk"
[ -z "$(find "$tmp" -maxdepth 1 -name 'kgbuild-sort-*')" ] || fail "sort files left in the temporary folder"

# Turtle and TriG too: merge writes what extract writes.
extract "$src/samples" -o "$tmp/samples.ttl"
extract "$src/samples/en" -o "$tmp/en.trig"
extract "$src/samples/nl" "$src/samples/fr" "$src/samples/feed.jsonl" -o "$tmp/rest.nq"
"$kgbuild" merge -q "$tmp/en.trig" "$tmp/rest.nq" -o "$tmp/samples-merged.trig"
extract "$src/samples" -o "$tmp/samples.trig"
cmp "$tmp/samples.trig" "$tmp/samples-merged.trig" || fail "TriG merged from TriG and N-Quads"
extract "$src/samples/en" -o "$tmp/en.ttl"
extract "$src/samples/nl" "$src/samples/fr" "$src/samples/feed.jsonl" -o "$tmp/rest.ttl"
"$kgbuild" merge -q "$tmp/rest.ttl" "$tmp/en.ttl" -o "$tmp/samples-merged.ttl"
cmp "$tmp/samples.ttl" "$tmp/samples-merged.ttl" || fail "Turtle merged"
echo "ok"
