#!/usr/bin/env bash
# rdflib (an independent parser, the one the acceptance scorer uses) must read every syntax kgbuild
# writes and find as many statements as kgbuild wrote.
# usage: rdflib.sh KGBUILD SRC
kgbuild=$1 src=$2
source "$(dirname "$0")/each-output.sh"

check_output() {
  local format=$3 expected read_count
  [ "$format" = ntriples ] && format=nt
  expected=$(serdi -i "$3" -o nquads "$1" | sort -u | wc -l)
  read_count=$(/usr/bin/python3 - "$1" "$format" <<'PY'
import sys
from rdflib import ConjunctiveGraph, Graph
path, fmt = sys.argv[1], sys.argv[2]
g = ConjunctiveGraph() if fmt in ("nquads", "trig") else Graph()
g.parse(path, format=fmt)
print(len(g))
PY
  ) || read_count=""
  if [ "$read_count" != "$expected" ]; then
    echo "FAILED  rdflib on $2 as $3: read ${read_count:-nothing}, kgbuild wrote $expected"
    return 1
  fi
  echo "ok      rdflib reads $2 as $3 ($read_count statements)"
}

each_output
exit $status
