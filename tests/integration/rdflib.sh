#!/usr/bin/env bash
# rdflib (an independent parser, the one the acceptance scorer uses) must read every syntax kgbuild
# writes, for the samples and (when ../shared is beside the repository) the seed articles, and find
# as many statements as kgbuild wrote.
# usage: rdflib.sh KGBUILD SRC
set -euo pipefail
kgbuild=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=("$src/samples")
[ -d "$src/../shared/seeds" ] && inputs+=("$src/../shared/seeds")
status=0
for input in "${inputs[@]}"; do
  for syntax in turtle:ttl:turtle ntriples:nt:nt nquads:nq:nquads trig:trig:trig; do
    IFS=: read -r name ext rdflib_format <<<"$syntax"
    out="$tmp/$(basename "$input").$ext"
    "$kgbuild" extract "$input" -f "$name" -o "$out"
    expected=$(serdi -i "$name" -o nquads "$out" | sort -u | wc -l)
    if read_count=$(/usr/bin/python3 - "$out" "$rdflib_format" <<'PY'
import sys
from rdflib import ConjunctiveGraph, Graph
path, fmt = sys.argv[1], sys.argv[2]
g = ConjunctiveGraph() if fmt in ("nquads", "trig") else Graph()
g.parse(path, format=fmt)
print(len(g))
PY
    ) && [ "$read_count" = "$expected" ]; then
      echo "ok      rdflib reads $(basename "$input") as $name ($read_count statements)"
    else
      echo "FAILED  rdflib on $(basename "$input") as $name: read ${read_count:-nothing}, kgbuild wrote $expected"
      status=1
    fi
  done
done
exit $status
