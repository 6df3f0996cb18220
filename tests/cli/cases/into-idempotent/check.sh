set -e
# Run again over the same articles: the file does not change.
cp "$TMP/graph.trig" "$TMP/first.trig"
"$KGBUILD" extract --into "$TMP/graph.trig" "$SRC/samples/en"
cmp "$TMP/first.trig" "$TMP/graph.trig"
# Add the other articles: the same statements as one run over everything.
"$KGBUILD" extract --into "$TMP/graph.trig" "$SRC/samples/nl" "$SRC/samples/fr" "$SRC/samples/feed.jsonl"
"$KGBUILD" extract "$SRC/samples/en" "$SRC/samples/nl" "$SRC/samples/fr" "$SRC/samples/feed.jsonl" -f trig -o "$TMP/all.trig"
diff <(serdi -i trig -o nquads "$TMP/graph.trig" | sort) <(serdi -i trig -o nquads "$TMP/all.trig" | sort) >/dev/null
