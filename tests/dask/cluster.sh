#!/usr/bin/env bash
# The Dask driver on a real (if small) cluster: a scheduler and two workers on 127.0.0.1. The
# samples, then a generated corpus during which one worker is killed: each graph must be byte for
# byte the one a single `kgbuild extract` writes.
# usage: cluster.sh KGBUILD SRC
set -euo pipefail
kgbuild=$(realpath "$1") src=$(realpath "$2")
python=/usr/bin/python3
if ! $python -c "import distributed" 2>/dev/null; then
  echo "skipped: python3-distributed is not installed"
  exit 77
fi
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAILED: $*"; exit 1; }

port=$($python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dask-scheduler --host 127.0.0.1 --port "$port" --no-dashboard >"$tmp/scheduler.log" 2>&1 &
pids+=($!)
for n in 1 2; do
  # No nanny: a killed worker stays dead, and its tasks must go to the other one.
  dask-worker "tcp://127.0.0.1:$port" --host 127.0.0.1 --nthreads 1 --no-nanny --no-dashboard --name "w$n" \
    >"$tmp/worker$n.log" 2>&1 &
  pids+=($!)
done
worker1=${pids[1]}
$python - "$port" <<'PY'
import sys, time
from distributed import Client
client = Client(f"tcp://127.0.0.1:{sys.argv[1]}", timeout=60)
client.wait_for_workers(2, timeout=60)
client.close()
PY

driver() { "$src/tools/kgbuild-dask" --scheduler "tcp://127.0.0.1:$port" --kgbuild "$kgbuild" "$@"; }

# The samples, one small task per file group.
"$kgbuild" extract "$src/samples" -f nquads -o "$tmp/samples-single.nq" -q
driver --shards "$tmp/shards-samples" --task-mb 0.005 -o "$tmp/samples-dask.nq" "$src/samples" 2>"$tmp/samples.log" ||
  fail "driver on the samples: $(tail -5 "$tmp/samples.log")"
cmp "$tmp/samples-single.nq" "$tmp/samples-dask.nq" || fail "the samples' graph differs from a single run"
[ -z "$(ls -A "$tmp/shards-samples")" ] || fail "shards left behind"

# A task that fails (a malformed record, no --keep-going) fails the run, saying which input.
printf '{"text": "Valdora raised $5 million."}\n{"text": broken\n' >"$tmp/bad.jsonl"
if driver --shards "$tmp/shards-bad" --retries 0 -o "$tmp/bad.nq" "$tmp/bad.jsonl" 2>"$tmp/bad.log"; then
  fail "a failing task did not fail the run"
fi
grep -q "bad.jsonl bytes 0-" "$tmp/bad.log" || fail "the failure does not name the input: $(tail -3 "$tmp/bad.log")"
grep -q "malformed JSON" "$tmp/bad.log" || fail "the failure does not say what was wrong: $(tail -3 "$tmp/bad.log")"
[ ! -e "$tmp/bad.nq" ] || fail "a graph was written after a failed task"

# A generated corpus of 5 MB in tasks of 0.2 MB; one worker is killed once the first shards are in.
$python "$src/bench/make_corpus.py" --megabytes 5 --files 2 --seed 7 --out "$tmp/corpus" >/dev/null
"$kgbuild" extract "$tmp/corpus" -f nquads -o "$tmp/corpus-single.nq" -q
driver --shards "$tmp/shards" --task-mb 0.2 --keep-shards -o "$tmp/corpus-dask.nq" "$tmp/corpus" 2>"$tmp/corpus.log" &
driver_pid=$!
for _ in $(seq 600); do
  [ "$(ls "$tmp/shards" 2>/dev/null | grep -c '^task-')" -ge 2 ] && break
  sleep 0.1
done
kill -9 "$worker1"
echo "killed worker 1 with $(ls "$tmp/shards" | grep -c '^task-') shards written"
wait "$driver_pid" || fail "driver on the corpus: $(tail -5 "$tmp/corpus.log")"
tasks=$(ls "$tmp/shards" | grep -c '^task-')
cmp "$tmp/corpus-single.nq" "$tmp/corpus-dask.nq" || fail "the corpus' graph differs from a single run"
echo "ok: $tasks tasks, a worker killed mid-run, graphs identical to a single run"
