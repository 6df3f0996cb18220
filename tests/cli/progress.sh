#!/usr/bin/env bash
# The progress line: drawn on a terminal's standard error (a pseudo-terminal made by script(1)),
# never when standard error is a file, never with --quiet; the summary line at the end unless quiet.
# usage: progress.sh KGBUILD SRC
set -euo pipefail
kgbuild=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*"; exit 1; }
command -v script >/dev/null || { echo "skipped: no script(1)"; exit 77; }

run_on_terminal() {  # the command's terminal output, carriage returns kept
  script -qec "$1" /dev/null </dev/null
}

out=$(run_on_terminal "'$kgbuild' extract '$src/samples' -o '$tmp/g.ttl'")
grep -q $'\r''kgbuild: [0-9]* articles, [0-9.]* MB of [0-9.]* MB ([0-9]*%), [0-9.]* MB/s' <<<"$out" ||
  fail "no progress line on a terminal: $out"
grep -q 'kgbuild: 17 articles read, 0 skipped, [0-9]* facts, [0-9]* statements, [0-9.]* s, [0-9.]* MB/s' <<<"$out" ||
  fail "no summary line on a terminal: $out"

out=$(run_on_terminal "'$kgbuild' extract '$src/samples' -o '$tmp/g.ttl' -q")
[ -z "$(tr -d '\r\n' <<<"$out")" ] || fail "--quiet printed: $out"

"$kgbuild" extract "$src/samples" -o "$tmp/g.ttl" 2>"$tmp/stderr"
! grep -q $'\r' "$tmp/stderr" || fail "a progress line went to a file"
grep -q 'kgbuild: 17 articles read, 0 skipped' "$tmp/stderr" || fail "no summary line in a file: $(cat "$tmp/stderr")"
[ "$(wc -l <"$tmp/stderr")" -eq 1 ] || fail "more than the summary line: $(cat "$tmp/stderr")"
echo "ok"
