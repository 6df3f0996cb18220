[ ! -e "$TMP/out.ttl" ] || { echo "out.ttl was written"; exit 1; }; ls "$TMP" | grep -q tmp- && { echo "temporary file left"; exit 1; }; exit 0
