#!/usr/bin/env bash
# Command-line tests: every folder under cases/ is one case, run against the real binary.
#   args             the command line after "kgbuild"; @SRC@ is the repository, @TMP@ a fresh folder
#   stdin            (optional) fed to standard input
#   expected.nt      (optional) standard output, as N-Triples/N-Quads, compared after sorting
#   expected.stdout  (optional) lines that must each appear in standard output
#   expected.stderr  (optional) lines that must each appear in standard error
#   expected.exit    (optional) the exit code, 0 when absent
#   check.sh         (optional) run afterwards with KGBUILD, SRC, TMP and CASE set; must exit 0
# usage: run.sh KGBUILD SRC [CASE...]     UPDATE=1 rewrites expected.nt from the actual output.
set -u
kgbuild=$(realpath "$1") src=$(realpath "$2")
shift 2
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=("$src"/tests/cli/cases/*/)
passed=0 failed=0
for dir in "${cases[@]}"; do
  dir=${dir%/}
  name=$(basename "$dir")
  tmp=$(mktemp -d)
  args=$(sed -e "s#@SRC@#$src#g" -e "s#@TMP@#$tmp#g" "$dir/args")
  stdin=/dev/null
  [ -f "$dir/stdin" ] && stdin="$dir/stdin"
  (cd "$tmp" && eval "\"$kgbuild\" $args") <"$stdin" >"$tmp/.stdout" 2>"$tmp/.stderr"
  code=$?
  problems=()
  expected_code=0
  [ -f "$dir/expected.exit" ] && expected_code=$(cat "$dir/expected.exit")
  [ "$code" = "$expected_code" ] || problems+=("exit code $code, expected $expected_code")
  if [ -f "$dir/expected.nt" ]; then
    if [ "${UPDATE:-}" = 1 ]; then sort "$tmp/.stdout" >"$dir/expected.nt"; fi
    if ! diff <(sort "$dir/expected.nt") <(sort "$tmp/.stdout") >"$tmp/.diff"; then
      problems+=("standard output differs from expected.nt:"$'\n'"$(head -40 "$tmp/.diff")")
    fi
  fi
  for stream in stdout stderr; do
    [ -f "$dir/expected.$stream" ] || continue
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      line=${line//@SRC@/$src}
      grep -qF -- "$line" "$tmp/.$stream" || problems+=("$stream lacks: $line")
    done <"$dir/expected.$stream"
  done
  if [ -f "$dir/check.sh" ]; then
    out=$(KGBUILD=$kgbuild SRC=$src TMP=$tmp CASE=$dir bash "$dir/check.sh" 2>&1) || problems+=("check.sh failed: $out")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok      $name"
  else
    failed=$((failed + 1))
    echo "FAILED  $name"
    for p in "${problems[@]}"; do echo "        $p"; done
    echo "        stderr: $(head -5 "$tmp/.stderr")"
  fi
  rm -rf "$tmp"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
