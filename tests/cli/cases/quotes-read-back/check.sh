# What kgbuild writes in Turtle and TriG, its own reader (and serdi) reads back: a sentence that
# ends in two quotes once came out in a long-string form Serd 0.30 rejects.
set -e
article="$SRC/tests/cli/cases/quotes-read-back/article.txt"
cd "$TMP"
"$KGBUILD" extract "$article" -o g.trig
serdi -i turtle g.ttl >/dev/null
serdi -i trig g.trig >/dev/null
for f in g.ttl g.trig; do
  "$KGBUILD" extract "$article" --into "$f"   # reads the file back, adds nothing new
done
"$KGBUILD" extract "$article" -o g.nt
serdi -i turtle g.ttl | sort >a.nt
sort g.nt >b.nt
cmp -s a.nt b.nt || { echo "the Turtle and N-Triples graphs differ"; diff a.nt b.nt | head; exit 1; }
printf 'Brindle Ltd\tacquiredBy\tAcme Corp\n' >gold.tsv
"$KGBUILD" eval --gold gold.tsv g.ttl >/dev/null
