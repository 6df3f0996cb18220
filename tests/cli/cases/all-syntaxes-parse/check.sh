set -e
for f in ntriples:nt nquads:nq trig:trig turtle:ttl; do
  "$KGBUILD" extract "$SRC/samples" -f "${f%%:*}" -o "$TMP/g.${f##*:}"
done
serdi -i turtle "$TMP/g.ttl" >/dev/null
serdi -i ntriples "$TMP/g.nt" >/dev/null
serdi -i nquads "$TMP/g.nq" >/dev/null
serdi -i trig "$TMP/g.trig" >/dev/null
# The same statements in every syntax (graph names aside).
a=$(serdi -i turtle -o ntriples "$TMP/g.ttl" | sort -u | wc -l)
b=$(sort -u "$TMP/g.nt" | wc -l)
[ "$a" = "$b" ] || { echo "turtle has $a statements, n-triples $b"; exit 1; }
