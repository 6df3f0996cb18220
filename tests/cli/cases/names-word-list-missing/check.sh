# A language whose word list is missing still works, and kgbuild says why names are found less well.
set -eu
data="$TMP/data"
cp -r "$SRC/extractor" "$data"
printf 'wordlist\t/nonexistent/dutch-list\n' >"$data/lang/nl/names.tsv"
printf 'Het Amsterdamse Voltacel haalt 20 miljoen euro op.\n' >"$TMP/nl.txt"
KGBUILD_DATA_DIR="$data" "$KGBUILD" extract --lang nl --provenance none -f ntriples "$TMP/nl.txt" >"$TMP/out.nt" 2>"$TMP/err"
grep -q "warning: no word list found for nl" "$TMP/err"
grep -q "Voltacel" "$TMP/out.nt"
# A malformed row stops the run with its file and line.
printf 'wordlist\n' >"$data/lang/nl/names.tsv"
if KGBUILD_DATA_DIR="$data" "$KGBUILD" extract "$TMP/nl.txt" >/dev/null 2>"$TMP/err2"; then exit 1; fi
grep -q "lang/nl/names.tsv:1: expected 2 tab-separated columns" "$TMP/err2"
