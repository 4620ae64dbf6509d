#!/usr/bin/env bash
# README command (1): install the dependencies, build zdlint (Release) into build/, and lint the
# example migrations. Succeeds when the lint ran, whether or not it found problems.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/install-deps.sh

echo "==> Building zdlint (Release) into build/"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --target zdlint -j"$(nproc)"

echo
echo "==> ./build/zdlint examples/migrations"
status=0
./build/zdlint examples/migrations || status=$?
case $status in
  0) echo "zdlint reported no findings." ;;
  1) echo "zdlint reported findings (exit code 1): this is expected for the examples." ;;
  *) echo "quickstart: error: zdlint failed with exit code $status" >&2; exit "$status" ;;
esac

cat <<MSG

Done. The binary is $root/build/zdlint. Try:
  ./build/zdlint path/to/migrations          lint a directory (or files; - reads stdin)
  ./build/zdlint --format json examples/migrations
  ./build/zdlint locks examples/migrations   what each statement locks, blocks, rewrites and scans
  ./build/zdlint rules                       list the rules
  ./build/zdlint explain rename-column       a rule's documentation
  ./build/zdlint --help
Run the test suite with ./scripts/test.sh.
MSG
