#!/usr/bin/env bash
# Apache Jena's riot must accept every syntax kgbuild writes, without a warning.
# usage: riot.sh KGBUILD SRC
kgbuild=$1 src=$2
source "$(dirname "$0")/each-output.sh"

check_output() {
  local report
  report=$("$src/scripts/jena" riotcmd.riot --validate "$1" 2>&1) || true
  if [ -n "$report" ]; then
    echo "FAILED  riot on $2 as $3:"
    echo "$report" | head -20
    return 1
  fi
  echo "ok      riot accepts $2 as $3 ($(wc -l <"$1") lines)"
}

each_output
exit $status
