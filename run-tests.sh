#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. the developer build (build/): unit, command-line, evaluation and validation tests (CTest);
#   2. a clang build with AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/): the
#      unit and command-line tests again, any report fatal, and each fuzz target for 60 s;
#   3. a Release build of kgbuild (build-release/), as a packager makes it.
# Pass CTest arguments to run a part of the first stage only: ./run-tests.sh -L unit
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc)
[ -f build/CMakeCache.txt ] || cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGBUILD_DEVELOPER_MODE=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure "$@"
[ $# -eq 0 ] || exit 0

echo "== sanitizers (ASan + UBSan) and fuzz targets"
[ -f build-sanitize/CMakeCache.txt ] ||
  CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGBUILD_SANITIZE=ON -DKGBUILD_FUZZ=ON \
    -DKGBUILD_DEVELOPER_MODE=ON -DKGBUILD_BUILD_BENCH=OFF
cmake --build build-sanitize -j"$jobs"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -L "unit|cli|fuzz"

echo "== a packager's Release build (warnings are not errors there, but there are none)"
[ -f build-release/CMakeCache.txt ] ||
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKGBUILD_BUILD_TESTS=OFF -DKGBUILD_BUILD_BENCH=OFF
cmake --build build-release -j"$jobs" --target kgbuild
build-release/kgbuild --version
