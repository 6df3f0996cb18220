# The positional arguments' internal option names are not offered to users.
if grep -q -- "--input\b" "$TMP/.stdout"; then echo "extract --help shows --input"; exit 1; fi
"$KGBUILD" explain --help | grep -q -- "--input" && { echo "explain --help shows --input"; exit 1; }
"$KGBUILD" push --help | grep -q -- "--input" && { echo "push --help shows --input"; exit 1; }
"$KGBUILD" eval --help | grep -q -- "--graph " && { echo "eval --help shows --graph"; exit 1; }
exit 0
