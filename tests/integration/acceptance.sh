#!/usr/bin/env bash
# The seed acceptance check of ../shared/acceptance, when it is beside the repository: the
# independent scorer (rdflib) must read the graph and report F1 at or above the thresholds.
# usage: acceptance.sh KGBUILD SRC MIN_RELATIONS MIN_AMOUNTS
set -euo pipefail
kgbuild=$1 src=$2 min_rel=$3 min_amt=$4
shared="$src/../shared"
if [ ! -d "$shared/acceptance" ]; then
  echo "skipped: no ../shared/acceptance beside the repository"
  exit 77  # reported by CTest as skipped (SKIP_RETURN_CODE)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kgbuild" extract "$shared/seeds" -o "$tmp/seeds.ttl"
/usr/bin/python3 "$shared/acceptance/score.py" "$shared/acceptance/seeds.gold.tsv" "$tmp/seeds.ttl" \
  --aliases "$shared/acceptance/aliases.tsv" -v | tee "$tmp/score.txt"
line=$(grep '^F1 relations=' "$tmp/score.txt")
rel=$(echo "$line" | sed -E 's/.*relations=([0-9.]+).*/\1/')
amt=$(echo "$line" | sed -E 's/.*amounts=([0-9.]+).*/\1/')
awk -v r="$rel" -v a="$amt" -v mr="$min_rel" -v ma="$min_amt" 'BEGIN { exit !(r >= mr && a >= ma) }' || {
  echo "FAILED: relations F1 $rel (need $min_rel), amounts F1 $amt (need $min_amt)"
  exit 1
}
echo "ok: relations F1 $rel >= $min_rel, amounts F1 $amt >= $min_amt"
