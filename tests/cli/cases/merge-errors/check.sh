set -u
# What merge says of bad input, and that it then writes nothing.
fail() { echo "$*"; exit 1; }
cd "$TMP"
"$KGBUILD" merge 2>err; code=$?
[ $code -eq 2 ] || fail "no shards: exit $code, expected 2"
grep -q "expected one or more graph files to merge" err || fail "no shards: $(cat err)"

printf '<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> .\n' >bad.nq
printf '<http://a/s> <http://a/p> "x" .\n' >good.nt
"$KGBUILD" merge good.nt bad.nq -o out.nq 2>err; code=$?
[ $code -eq 1 ] || fail "bad shard: exit $code, expected 1"
grep -q "bad.nq:2:" err || fail "bad shard: the message gives no line: $(cat err)"
[ ! -e out.nq ] || fail "bad shard: out.nq was written"
[ -z "$(ls -A . | grep kgbuild)" ] || fail "temporary files left: $(ls -A)"

printf '<http://a/s> <http://a/p> "x"@en .\n' >tagged.nt
"$KGBUILD" merge tagged.nt -o out.nq 2>err; code=$?
[ $code -eq 1 ] && grep -q "tagged.nt: a literal with a language tag (@en): not a kgbuild graph" err || fail "tagged: $code $(cat err)"

"$KGBUILD" merge notes.txt 2>err; code=$?
[ $code -eq 1 ] && grep -q "notes.txt: expected a .ttl, .nt, .nq or .trig file" err || fail "notes.txt: $code $(cat err)"

"$KGBUILD" merge good.nt --sort-memory 0 2>err; code=$?
[ $code -eq 2 ] || fail "--sort-memory 0: exit $code"
"$KGBUILD" extract "$SRC/samples" --threads 0 2>err; code=$?
[ $code -eq 2 ] && grep -q "threads: expected 1 or more" err || fail "--threads 0: $code $(cat err)"

# Graphs without graph names merged into N-Triples: each statement once.
printf '<http://a/s> <http://a/p> "x" <http://a/g1> .\n<http://a/s> <http://a/p> "x" .\n' >two.nq
"$KGBUILD" merge -q two.nq good.nt -o flat.nt || fail "flat merge failed"
[ "$(cat flat.nt)" = '<http://a/s> <http://a/p> "x" .' ] || fail "flat merge: $(cat flat.nt)"
exit 0
