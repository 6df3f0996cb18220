#!/usr/bin/env bash
# The analyst queries of docs/queries/ give the expected answers on a real SPARQL database: the
# samples are extracted as TriG (one named graph per article), bulk-loaded into a fresh Apache Jena
# TDB2 database with tdb2.tdbloader, and every docs/queries/NAME.rq is run with tdb2.tdbquery
# --results=csv and compared with tests/integration/expected/NAME.csv (header, then the rows
# sorted, line endings normalised).
# usage: tdb2.sh KGBUILD SRC       UPDATE=1 rewrites the expected CSV files from the actual answers
#                                  (check every changed row against the sample articles).
set -euo pipefail
kgbuild=$1 src=$2
jena="$src/scripts/jena"
expected_dir="$src/tests/integration/expected"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# normalise FILE: the CSV header, then the rows in byte order, without CR.
normalise() {
  tr -d '\r' <"$1" | { IFS= read -r header || true; printf '%s\n' "$header"; LC_ALL=C sort; }
}

"$kgbuild" extract "$src/samples" -f trig -o "$tmp/samples.trig"
if ! "$jena" tdb2.tdbloader --loc "$tmp/db" "$tmp/samples.trig" >"$tmp/load.log" 2>&1; then
  echo "FAILED  tdb2.tdbloader could not load the samples:"
  tail -20 "$tmp/load.log"
  exit 1
fi
echo "ok      loaded $(grep -c . "$tmp/samples.trig") lines of TriG into TDB2"

shopt -s nullglob
queries=("$src"/docs/queries/*.rq)
[ ${#queries[@]} -gt 0 ] || { echo "FAILED  no queries in docs/queries/"; exit 1; }
status=0 passed=0 failed=0
for query in "${queries[@]}"; do
  name=$(basename "$query" .rq)
  expected="$expected_dir/$name.csv"
  if ! "$jena" tdb2.tdbquery --loc "$tmp/db" --results=csv --query "$query" >"$tmp/$name.csv" 2>"$tmp/$name.err"; then
    echo "FAILED  $name: tdb2.tdbquery failed:"
    head -20 "$tmp/$name.err"
    status=1 failed=$((failed + 1))
    continue
  fi
  if [ "${UPDATE:-}" = 1 ]; then
    mkdir -p "$expected_dir"
    tr -d '\r' <"$tmp/$name.csv" >"$expected"
  fi
  if [ ! -f "$expected" ]; then
    echo "FAILED  $name: no expected answer tests/integration/expected/$name.csv (UPDATE=1 writes it)"
    status=1 failed=$((failed + 1))
  elif diff -u --label "expected/$name.csv" --label "actual" <(normalise "$expected") <(normalise "$tmp/$name.csv") >"$tmp/$name.diff"; then
    echo "ok      $name ($(($(normalise "$expected" | wc -l) - 1)) rows)"
    passed=$((passed + 1))
  else
    echo "FAILED  $name: the answer differs from tests/integration/expected/$name.csv (rows sorted):"
    head -60 "$tmp/$name.diff"
    status=1 failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
exit $status
