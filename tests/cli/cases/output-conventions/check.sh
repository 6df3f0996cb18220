# -o - is standard output (no file named '-'); the -o file's extension decides the syntax unless
# --format says otherwise; --into accepts a --format that agrees with the file.
set -e
[ ! -e "$TMP/-" ] || { echo "a file named '-' was written"; exit 1; }
grep -q "^<" "$TMP/.stdout"
article="$SRC/samples/en/fathom-labs-aws-lawsuit.txt"
cd "$TMP"
"$KGBUILD" extract "$article" -o g.nt
serdi -i ntriples g.nt >/dev/null
! grep -q "@prefix" g.nt
"$KGBUILD" extract "$article" -o g.nq
serdi -i nquads g.nq >/dev/null
awk 'NF >= 5 && $NF == "." { found = 1 } END { exit !found }' g.nq  # statements with a graph
"$KGBUILD" extract "$article" -o g.trig
grep -q "{" g.trig
"$KGBUILD" extract "$article" -o g.ttl
grep -q "@prefix" g.ttl
"$KGBUILD" extract "$article" -o forced.nt -f turtle
grep -q "@prefix" forced.nt
"$KGBUILD" extract "$article" --into g.nt -f ntriples
"$KGBUILD" extract "$article" --into g.nt -f nt
set +e
"$KGBUILD" extract "$article" --into g.nt -f turtle 2>err
[ $? -eq 2 ] || { echo "a --format that disagrees with --into was accepted"; exit 1; }
grep -q "is ntriples, but --format says turtle" err
