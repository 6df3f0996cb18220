#!/usr/bin/env bash
# One sentence of 20,000 clauses (a table pasted without full stops) is read in time linear in its
# length, and every clause's fact is in the graph. Registered with a CTest TIMEOUT: quadratic work
# took minutes here (10,000 clauses: 68 s before issue 12), linear work takes seconds. This is a
# guard against a hang, not a speed measurement (bench/README.md has those).
# usage: long-sentence.sh KGBUILD
set -eu
kgbuild=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  printf 'id long-sentence\nlang en\n\n'
  for i in $(seq 1 20000); do
    [ "$i" -gt 1 ] && printf ', '
    printf 'Zorvan%d Corp invested in Quelmar%d Ltd' "$i" "$i"
  done
  printf '.\n'
} >"$tmp/long.txt"
start=$(date +%s)
"$kgbuild" extract "$tmp/long.txt" -f ntriples -o "$tmp/out.nt" 2>"$tmp/err"
echo "20,000 clauses in $(( $(date +%s) - start )) s"
for i in 1 10000 20000; do
  grep -q "id/Quelmar${i}> <https://kgbuild.org/ontology#fundedBy> <https://kgbuild.org/id/Zorvan${i}>" "$tmp/out.nt" ||
    { echo "FAILED: the fact of clause $i is missing"; cat "$tmp/err"; exit 1; }
done
if grep -q "matching budget" "$tmp/err"; then echo "FAILED: a rule ran out of budget"; cat "$tmp/err"; exit 1; fi
echo "ok"
