#!/usr/bin/env bash
# The analyst queries of docs/queries/ give on Virtuoso the answers they give on Jena TDB2
# (tests/integration/expected/), with the samples' graph loaded two ways:
#   1. Virtuoso's bulk loader (ld_dir + rdf_loader_run + checkpoint) reads the TriG file;
#   2. the graphs are dropped, and `kgbuild push` sends them again over the SPARQL 1.1 Graph Store
#      protocol (/sparql-graph-crud-auth, digest authentication, credentials from the environment).
# After each load every statement of the file must be in the store, and every query is run over
# the SPARQL endpoint (Accept: text/csv) and compared by content (tests/integration/sparql-csv.py).
# Virtuoso (Debian's virtuoso-opensource-7) runs on 127.0.0.1 only, on free ports, with a private
# configuration and database in a temporary folder; it is stopped at the end, whatever happens.
# usage: virtuoso.sh KGBUILD SRC
set -euo pipefail
kgbuild=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
for tool in virtuoso-t isql-vt curl python3 serdi; do
  command -v "$tool" >/dev/null || { echo "FAILED  $tool is not installed (see scripts/debian-packages.txt)"; exit 1; }
done

tmp=$(mktemp -d)
server_pid=""
sql_port="" http_port=""
status=0 passed=0 failed=0
# Statements of the file's default graph go to this graph, both loads alike.
default_graph="urn:x-kgbuild-test:default"

stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    # a clean shutdown first (it checkpoints), then the signals
    timeout 30 isql-vt "127.0.0.1:$sql_port" dba dba -K >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -TERM "$server_pid" 2>/dev/null || true
    sleep 2
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  local code=$?
  stop_server
  if [ "$code" -ne 0 ] && [ -f "$tmp/db/virtuoso.log" ]; then
    echo "--- the end of Virtuoso's log:"
    tail -30 "$tmp/db/virtuoso.log"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Two ports that nothing listens on: the kernel picks them, and they are released for Virtuoso.
read -r sql_port http_port < <(python3 -c '
import socket
a, b = socket.socket(), socket.socket()
a.bind(("127.0.0.1", 0)); b.bind(("127.0.0.1", 0))
print(a.getsockname()[1], b.getsockname()[1])')

mkdir -p "$tmp/db" "$tmp/load"
cat >"$tmp/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $tmp/db/virtuoso.db
ErrorLogFile       = $tmp/db/virtuoso.log
LockFile           = $tmp/db/virtuoso.lck
TransactionFile    = $tmp/db/virtuoso.trx
xa_persistent_file = $tmp/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $tmp/db/virtuoso-temp.db
TransactionFile    = $tmp/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $tmp/load
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
MaxQueryMem          = 500M

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads        = 10
DavRoot              = DAV
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 100000
MaxQueryExecutionTime = 120
EOF

# sql COMMANDS...: runs SQL through isql; fails on any error (isql itself exits 0 after one).
sql() {
  local out
  if ! out=$(isql-vt "127.0.0.1:$sql_port" dba dba VERBOSE=OFF BANNER=OFF "$@" </dev/null 2>&1) || grep -q '\*\*\* Error' <<<"$out"; then
    echo "$out" | grep -v '^$' | head -20
    return 1
  fi
  printf '%s\n' "$out"
}

# sparql QUERY-FILE OUT: the CSV answer of the SPARQL endpoint.
sparql() {
  curl -sS --fail-with-body -G "http://127.0.0.1:$http_port/sparql" --data-urlencode "query@$1" \
    -H 'Accept: text/csv' -o "$2"
}

start_server() {
  (cd "$tmp/db" && exec virtuoso-t +configfile "$tmp/virtuoso.ini" +foreground) >"$tmp/server.out" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    kill -0 "$server_pid" 2>/dev/null || { echo "FAILED  Virtuoso stopped while starting:"; tail -20 "$tmp/server.out"; return 1; }
    if isql-vt "127.0.0.1:$sql_port" dba dba exec="select 1;" </dev/null >/dev/null 2>&1 &&
       curl -sf -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D"; then
      echo "ok      Virtuoso $(sed -n 's/.*Version \([0-9.]*\)-.*/\1/p' "$tmp/db/virtuoso.log" | head -1) is up on 127.0.0.1:$sql_port (SQL) and :$http_port (HTTP)"
      return 0
    fi
    sleep 1
  done
  echo "FAILED  Virtuoso did not answer within 120 s"
  return 1
}

# check_loaded HOW: every distinct statement of the file is in the store, in its graph.
check_loaded() {
  local counted
  sparql "$tmp/count.rq" "$tmp/count.csv" || { echo "FAILED  $1: cannot count the statements"; return 1; }
  counted=$(sed -n '2p' "$tmp/count.csv" | tr -d '"\r')
  if [ "$counted" = "$statements" ]; then
    echo "ok      $1: all $statements statements are in Virtuoso, in ${#graphs[@]} graphs"
    passed=$((passed + 1))
  else
    echo "FAILED  $1: Virtuoso holds $counted statements of the file's graphs, the file has $statements"
    failed=$((failed + 1)) status=1
  fi
}

# run_queries HOW: every analyst query answers as expected/NAME.csv says.
run_queries() {
  local query name expected
  for query in "${queries[@]}"; do
    name=$(basename "$query" .rq)
    expected="$src/tests/integration/expected/$name.csv"
    if [ ! -f "$expected" ]; then
      echo "FAILED  $1: $name: no expected answer tests/integration/expected/$name.csv"
      failed=$((failed + 1)) status=1
      continue
    fi
    if ! sparql "$query" "$tmp/$name.csv" 2>"$tmp/$name.err"; then
      echo "FAILED  $1: $name: Virtuoso did not answer:"
      head -c 2000 "$tmp/$name.csv" "$tmp/$name.err"
      failed=$((failed + 1)) status=1
      continue
    fi
    if diff -u --label "expected/$name.csv" --label "Virtuoso" <(python3 "$here/sparql-csv.py" "$expected") \
         <(python3 "$here/sparql-csv.py" "$tmp/$name.csv") >"$tmp/$name.diff"; then
      echo "ok      $1: $name ($(($(grep -c . "$expected") - 1)) rows)"
      passed=$((passed + 1))
    else
      echo "FAILED  $1: $name differs from tests/integration/expected/$name.csv (rows sorted):"
      head -60 "$tmp/$name.diff"
      failed=$((failed + 1)) status=1
    fi
  done
}

shopt -s nullglob
queries=("$src"/docs/queries/*.rq)
[ ${#queries[@]} -gt 0 ] || { echo "FAILED  no queries in docs/queries/"; exit 1; }

"$kgbuild" extract "$src/samples" -f trig -o "$tmp/load/samples.trig"
# The file's statements as Virtuoso should hold them: distinct quads, the default graph named.
serdi -i trig -o nquads "$tmp/load/samples.trig" >"$tmp/samples.nq"
statements=$(sort -u "$tmp/samples.nq" | wc -l)
mapfile -t graphs < <(python3 - "$tmp/samples.nq" "$default_graph" <<'PY'
import re, sys
term = r'(?:<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)'
quad = re.compile(r'^%s %s %s(?: <([^>]*)>)? \.$' % (term, term, term))
graphs = set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = quad.match(line.rstrip("\n"))
    if not m:
        sys.exit("cannot read the N-Quads line: " + line)
    graphs.add(m.group(1) or sys.argv[2])
print("\n".join(sorted(graphs)))
PY
)
[ ${#graphs[@]} -gt 0 ] || { echo "FAILED  no graphs read from the extracted TriG"; exit 1; }
{
  echo "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g {"
  printf ' <%s>\n' "${graphs[@]}"
  echo "} GRAPH ?g { ?s ?p ?o } }"
} >"$tmp/count.rq"

start_server

# 1. The bulk loader.
sql exec="ld_dir('$tmp/load', 'samples.trig', '$default_graph'); rdf_loader_run(); checkpoint;" >"$tmp/bulk.log" ||
  { echo "FAILED  the bulk loader:"; cat "$tmp/bulk.log"; exit 1; }
load_errors=$(sql exec="select ll_file, ll_error from DB.DBA.LOAD_LIST where ll_error is not null;")
if grep -q 'samples.trig' <<<"$load_errors"; then
  echo "FAILED  the bulk loader rejected the file:"
  echo "$load_errors"
  exit 1
fi
echo "ok      bulk loader: samples.trig loaded ($(grep -c . "$tmp/load/samples.trig") lines of TriG)"
check_loaded "bulk load"
run_queries "bulk load"

# 2. Drop every graph, then load them again with kgbuild push.
printf 'SPARQL CLEAR GRAPH <%s>;\n' "${graphs[@]}" >"$tmp/clear.sql"
sql "$tmp/clear.sql" >/dev/null || { echo "FAILED  cannot clear the graphs"; exit 1; }
sparql "$tmp/count.rq" "$tmp/count.csv"
[ "$(sed -n '2p' "$tmp/count.csv" | tr -d '"\r')" = 0 ] || { echo "FAILED  the graphs are not empty after CLEAR GRAPH"; exit 1; }
echo "ok      graphs cleared"

endpoint="http://127.0.0.1:$http_port/sparql-graph-crud-auth"
push=("$kgbuild" push "$tmp/load/samples.trig" --endpoint "$endpoint" --graph-param graph-uri --graph "$default_graph")
# Without credentials Virtuoso refuses: kgbuild must fail and claim nothing.
if env -u KGBUILD_PUSH_USER -u KGBUILD_PUSH_PASSWORD "${push[@]}" >"$tmp/anon.out" 2>"$tmp/anon.err"; then
  echo "FAILED  push without credentials succeeded"; failed=$((failed + 1)) status=1
elif [ -s "$tmp/anon.out" ] || ! grep -q 'HTTP 401' "$tmp/anon.err"; then
  echo "FAILED  push without credentials: expected HTTP 401 and nothing said loaded:"; cat "$tmp/anon.out" "$tmp/anon.err"
  failed=$((failed + 1)) status=1
else
  echo "ok      push without credentials: refused (HTTP 401), nothing reported loaded"; passed=$((passed + 1))
fi
if ! KGBUILD_PUSH_USER=dba KGBUILD_PUSH_PASSWORD=dba "${push[@]}" >"$tmp/push.out" 2>"$tmp/push.err"; then
  echo "FAILED  kgbuild push:"; cat "$tmp/push.out" "$tmp/push.err"; exit 1
fi
loaded=$(grep -c '^loaded [0-9]* statements into <.*> (HTTP 20[01])$' "$tmp/push.out" || true)
if [ "$loaded" -ne ${#graphs[@]} ]; then
  echo "FAILED  kgbuild push reported $loaded graphs loaded, the file has ${#graphs[@]}:"; cat "$tmp/push.out" "$tmp/push.err"
  exit 1
fi
echo "ok      kgbuild push: $loaded graphs loaded over the Graph Store protocol"
check_loaded "push"
run_queries "push"

echo "$passed passed, $failed failed"
exit $status
