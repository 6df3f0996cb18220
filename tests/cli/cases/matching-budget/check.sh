# The graph is still written; -q keeps the warning off standard error.
[ -s "$TMP/out.ttl" ] || { echo "no output written"; exit 1; }
"$KGBUILD" extract "$SRC/tests/cli/cases/matching-budget/article.txt" --rules "$SRC/tests/cli/cases/matching-budget/rules" -q -o "$TMP/q.ttl" 2>"$TMP/q.err"
[ ! -s "$TMP/q.err" ] || { echo "-q printed: $(cat "$TMP/q.err")"; exit 1; }
