# -V and every command's --version say the same.
for args in "-V" "extract --version" "push -V" "eval --version"; do
  out=$("$KGBUILD" $args) || { echo "kgbuild $args failed"; exit 1; }
  [ "$out" = "kgbuild 0.1.0" ] || { echo "kgbuild $args printed: $out"; exit 1; }
done
