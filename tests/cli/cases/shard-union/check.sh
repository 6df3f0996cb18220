set -e
# Two shards extracted in separate processes, in another order: the sorted union is the same graph.
"$KGBUILD" extract "$SRC/samples/fr" "$SRC/samples/feed.jsonl" -f nquads -o "$TMP/b.nq" &
"$KGBUILD" extract "$SRC/samples/nl" "$SRC/samples/en" -f nquads -o "$TMP/a.nq"
wait
diff <(sort -u "$TMP/a.nq" "$TMP/b.nq") <(sort -u "$TMP/all.nq")
