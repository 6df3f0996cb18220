# A run stopped by SIGTERM or SIGINT leaves neither its output nor its temporary file, and an
# existing output is left as it was.
cd "$TMP"
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null' EXIT  # a failing check leaves no run waiting
for sig in TERM INT; do
  rm -rf run && mkdir run && mkfifo run/feed
  printf 'old graph\n' >run/existing.ttl
  for target in new.ttl existing.ttl; do
    # Standard input is a pipe kept open, so the run waits for more input with its file open.
    ( exec 3<>run/feed; exec "$KGBUILD" extract - -o "run/$target" <&3 ) &
    pid=$!
    for _ in $(seq 50); do
      ls -A run | grep -q kgbuild- && break
      sleep 0.1
    done
    ls -A run | grep -q kgbuild- || { echo "no temporary file appeared"; exit 1; }
    kill -s "$sig" $pid
    wait $pid 2>/dev/null
    left=$(ls -A run | grep -v '^feed$' | grep -v '^existing.ttl$' || true)
    [ -z "$left" ] || { echo "SIG$sig left: $left"; exit 1; }
    [ "$(cat run/existing.ttl)" = "old graph" ] || { echo "SIG$sig changed the existing output"; exit 1; }
  done
done
