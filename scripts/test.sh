#!/usr/bin/env bash
# README command (2), and what CI runs: install the dependencies, then build with warnings as errors
# and run the test suite twice: a normal build in build-ci/, and with ASan+UBSan in build-asan/;
# then run each libFuzzer target for a minute (build-fuzz/, clang).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc)

bash scripts/install-deps.sh
# SARIF validators (Microsoft's SARIF Multitool, the OASIS schema via npm jsonschema) for tests/test_sarif.cpp.
bash scripts/install-sarif-tools.sh

echo "==> build-ci: -DZDLINT_WERROR=ON"
cmake -S . -B build-ci -G Ninja -DZDLINT_WERROR=ON -DZDLINT_TESTS=ON
cmake --build build-ci -j"$jobs"
ctest --test-dir build-ci --output-on-failure --no-tests=error -j"$jobs"

echo "==> build-asan: -DZDLINT_WERROR=ON -DZDLINT_SANITIZE=ON"
cmake -S . -B build-asan -G Ninja -DZDLINT_WERROR=ON -DZDLINT_SANITIZE=ON -DZDLINT_TESTS=ON
cmake --build build-asan -j"$jobs"
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Known leaks inside third-party libraries (each entry explains itself), if the suite lists any.
if [ -f tests/lsan.supp ]; then
  export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
fi
ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"

echo "==> build-fuzz: libFuzzer targets, ${ZDLINT_FUZZ_SECONDS:-60}s each"
bash scripts/fuzz.sh "${ZDLINT_FUZZ_SECONDS:-60}"
