#!/usr/bin/env bash
# Benchmarks zdlint on the shared corpus against the parse floor (libpg_query alone), in one
# hyperfine run so the ratios compare like with like. Needs hyperfine (Debian package) and the
# corpus at ../shared/corpus; skips cleanly without it.
#   bench/run.sh [BUILD_DIR]      (default: build-bench, configured with -DZDLINT_BENCH=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${ZDLINT_CORPUS:-../shared/corpus}
build=${1:-build-bench}
if [ ! -d "$corpus" ]; then
  echo "bench: no corpus at $corpus; skipping" >&2
  exit 0
fi
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZDLINT_BENCH=ON -DZDLINT_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
list=$(mktemp)
trap 'rm -f "$list"' EXIT
# Both sides read the same files: every *.sql under the corpus.
find "$corpus" -name '*.sql' -type f | sort >"$list"
hyperfine --warmup 2 --runs 10 --export-markdown bench/last-run.md \
  -n parse-floor "$build/parse_floor $list" \
  -n "zdlint --jobs 1" "$build/zdlint --quiet --fail-on none --jobs 1 $corpus" \
  -n "zdlint --jobs 2" "$build/zdlint --quiet --fail-on none --jobs 2 $corpus"
