#!/usr/bin/env bash
# A sub-folder that cannot be listed is reported alone under --keep-going: the articles beside it
# are still extracted and the output is written. Root reads every folder, so as root this test
# cannot make one unreadable and reports itself skipped (77, CTest's SKIP_RETURN_CODE).
# usage: unreadable-folder.sh KGBUILD
set -u
kgbuild=$1
if [ "$(id -u)" -eq 0 ]; then echo "skipped: root can read every folder"; exit 77; fi
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in/closed"
printf 'id open-one\n\nAcme Corp acquired Brindle Ltd for $40 million.\n' >"$tmp/in/a.txt"
printf 'id hidden\n\nNever read.\n' >"$tmp/in/closed/b.txt"
chmod 000 "$tmp/in/closed"
"$kgbuild" extract --keep-going "$tmp/in" -f ntriples -o "$tmp/out.nt" 2>"$tmp/err"
code=$?
fail() { echo "FAILED: $*"; cat "$tmp/err"; exit 1; }
[ "$code" -eq 1 ] || fail "exit code $code, expected 1 (one problem skipped)"
grep -q "doc/open-one" "$tmp/out.nt" || fail "the readable article is missing from the output"
grep -q "$tmp/in/closed: cannot list the folder" "$tmp/err" || fail "no message naming the unreadable folder"
echo "ok: unreadable folder reported alone, the rest extracted"
