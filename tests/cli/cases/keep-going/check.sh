grep -q "doc/good-1" "$TMP/out.nt" && grep -q "doc/good-2" "$TMP/out.nt"
