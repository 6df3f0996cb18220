# The good records around the bad ones are in the output, and the output was written.
for doc in first third fifth blank-date; do
  grep -q "doc/$doc>" "$TMP/out.nt" || { echo "doc/$doc is missing"; exit 1; }
done
grep -q "Brindle" "$TMP/out.nt" && grep -q "Lindow" "$TMP/out.nt"
