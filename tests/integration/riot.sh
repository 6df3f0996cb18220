#!/usr/bin/env bash
# Apache Jena's riot must accept every syntax kgbuild writes, without a warning, for the samples
# and (when ../shared is beside the repository) the seed articles.
# usage: riot.sh KGBUILD SRC
set -euo pipefail
kgbuild=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=("$src/samples")
[ -d "$src/../shared/seeds" ] && inputs+=("$src/../shared/seeds")
status=0
for input in "${inputs[@]}"; do
  for syntax in turtle:ttl ntriples:nt nquads:nq trig:trig; do
    out="$tmp/$(basename "$input").${syntax##*:}"
    "$kgbuild" extract "$input" -f "${syntax%%:*}" -o "$out"
    report=$("$src/scripts/jena" riotcmd.riot --validate "$out" 2>&1) || true
    if [ -n "$report" ]; then
      echo "FAILED  riot on $(basename "$input") as ${syntax%%:*}:"
      echo "$report" | head -20
      status=1
    else
      echo "ok      riot accepts $(basename "$input") as ${syntax%%:*} ($(wc -l <"$out") lines)"
    fi
  done
done
exit $status
