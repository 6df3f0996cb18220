# -q keeps the problems on standard error and drops the summary.
if grep -q "articles read" "$TMP/.stderr"; then echo "-q still printed the summary"; exit 1; fi
grep -q "doc/third>" "$TMP/out.nt"
