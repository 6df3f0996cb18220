# Usage errors exit 2 with the usage on standard error and nothing on standard output.
[ ! -s "$TMP/.stdout" ] || { echo "usage error wrote to standard output"; exit 1; }
for args in "" "eval --gold" "push g.nt" "extract -o a.nt --into b.nt" "extract --format ntriples --into x.ttl" \
            "extract --max-article-bytes 0" "push g.nt --endpoint ftp://h/"; do
  "$KGBUILD" $args >"$TMP/out" 2>"$TMP/err"
  code=$?
  [ "$code" -eq 2 ] || { echo "kgbuild $args exited $code, expected 2"; exit 1; }
  [ ! -s "$TMP/out" ] || { echo "kgbuild $args wrote to standard output"; exit 1; }
  grep -q "usage: kgbuild" "$TMP/err" || { echo "kgbuild $args gave no usage on standard error"; cat "$TMP/err"; exit 1; }
done
