"$KGBUILD" extract "$SRC/samples" -o "$TMP/b.nq" -f nquads && cmp "$TMP/a.nq" "$TMP/b.nq"
