#!/usr/bin/env bash
# The whole test suite: unit, command-line, evaluation and validation tests, through CTest.
# Pass a label to run a part: ./run-tests.sh -L unit
set -euo pipefail
cd "$(dirname "$0")"
[ -x build/kgbuild ] || { cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo && true; }
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure "$@"
