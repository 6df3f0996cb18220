#!/usr/bin/env bash
# Every graph kgbuild writes must conform to ontology/shapes.ttl (Apache Jena SHACL), for the
# samples and (when ../shared is beside the repository) the seed articles:
#  - the Turtle output (--provenance claims, one graph) is validated as it is; the shapes include
#    SPARQL constraints that cut each claim's and sentence's nif:beginIndex/endIndex out of its
#    document's nif:isString and compare the result with nif:anchorOf;
#  - the TriG output (--provenance graphs) is checked with claim-anchors.rq, which makes the same
#    anchor check inside each article's named graph, and is then validated with all its graphs
#    merged into one (Jena's shacl reads only the default graph of a TriG file).
# usage: shacl.sh KGBUILD SRC
set -euo pipefail
kgbuild=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
jena="$src/scripts/jena"
shapes="$src/ontology/shapes.ttl"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=("$src/samples")
[ -d "$src/../shared/seeds" ] && inputs+=("$src/../shared/seeds")
status=0

# validate NAME FILE: SHACL-validates FILE; prints ok, or FAILED and the report.
validate() {
  local name=$1 file=$2 report
  report=$("$jena" shacl.shacl validate --shapes "$shapes" --data "$file" 2>&1) || true
  if grep -Eq 'sh:conforms[[:space:]]+true' <<<"$report" && ! grep -q 'sh:conforms[[:space:]]*false' <<<"$report"; then
    echo "ok      shacl: $name conforms ($(grep -c . "$file") lines)"
  else
    echo "FAILED  shacl: $name does not conform to ontology/shapes.ttl:"
    grep -v '^@prefix' <<<"$report"
    status=1
  fi
}

for input in "${inputs[@]}"; do
  name=$(basename "$input")
  "$kgbuild" extract "$input" -o "$tmp/$name.ttl"
  validate "$name as turtle" "$tmp/$name.ttl"

  "$kgbuild" extract "$input" -f trig -o "$tmp/$name.trig"
  rows=$("$jena" arq.sparql --data "$tmp/$name.trig" --query "$here/claim-anchors.rq" --results=csv 2>&1 | tr -d '\r')
  claims=$("$jena" arq.sparql --data "$tmp/$name.trig" --query "$here/claim-count.rq" --results=csv 2>&1 | tr -d '\r' | sed -n 2p)
  if [ "$rows" = "claim,problem,anchor,span" ] && [[ "$claims" =~ ^[0-9]+$ ]] && [ "$claims" -gt 0 ]; then
    echo "ok      anchors: the $claims claims of $name (trig) match their documents' text"
  else
    echo "FAILED  anchors: claims of $name (trig) whose offsets do not give their nif:anchorOf (claims: ${claims:-?}):"
    echo "$rows"
    status=1
  fi
  "$jena" arq.sparql --data "$tmp/$name.trig" --query "$here/union.rq" --results=ntriples >"$tmp/$name-union.nt"
  validate "$name as trig, graphs merged" "$tmp/$name-union.nt"
done
exit $status
