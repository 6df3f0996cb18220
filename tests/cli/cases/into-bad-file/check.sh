# A graph with blank nodes is not one kgbuild wrote: refused with its location, the file untouched.
cp "$CASE/blank.ttl" "$TMP/x.ttl"
out=$("$KGBUILD" extract --into "$TMP/x.ttl" "$SRC/samples/en" 2>&1) && { echo "accepted"; exit 1; }
echo "$out" | grep -q "x.ttl: statement 2: blank nodes" || { echo "no location in: $out"; exit 1; }
cmp "$CASE/blank.ttl" "$TMP/x.ttl"
