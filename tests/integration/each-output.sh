# Sourced by the parser tests: extracts the samples (and the seed articles, when ../shared is beside
# the repository) in every syntax kgbuild writes, and calls the caller's
#   check_output FILE INPUT-NAME SYNTAX
# for each file; a check that fails sets status=1.
# Needs: kgbuild and src set; defines tmp (removed on exit) and status.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

each_output() {
  local inputs=("$src/samples")
  [ -d "$src/../shared/seeds" ] && inputs+=("$src/../shared/seeds")
  local input syntax out
  for input in "${inputs[@]}"; do
    for syntax in turtle:ttl ntriples:nt nquads:nq trig:trig; do
      out="$tmp/$(basename "$input").${syntax##*:}"
      "$kgbuild" extract "$input" -f "${syntax%%:*}" -o "$out"
      check_output "$out" "$(basename "$input")" "${syntax%%:*}" || status=1
    done
  done
}
