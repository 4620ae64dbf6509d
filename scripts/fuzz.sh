#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan) and runs each for SECONDS
# (default 60), seeded from testdata/ (migrations, runner layouts, infrastructure files),
# fuzz/seeds/config/ (configuration files) and fuzz/seeds/infra/ (infrastructure files).
# A crash, leak, sanitizer report or timeout fails the script; the input that caused it is kept
# in build-fuzz/artifacts/ and becomes a regression test (see fuzz/README.md).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${ZDLINT_FUZZ_BUILD:-build-fuzz}
command -v clang++ >/dev/null || { echo "fuzz: clang++ is not installed (scripts/install-deps.sh installs it)" >&2; exit 2; }

CXX=clang++ CC=clang cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZDLINT_FUZZ=ON \
  -DZDLINT_TESTS=OFF >/dev/null
targets=(fuzz_lint fuzz_runners fuzz_parse fuzz_config fuzz_infra)
cmake --build "$build" --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lint" "$work/runners" "$work/parse" "$work/config" "$work/infra" "$build/artifacts"
# Files over 4 KB are not seeds. There are two, the syntax-error testdata's long runs of operator
# characters (12 and 56 KB), which the test suite reads whole. libFuzzer makes inputs as long as its
# longest seed, and with these fuzz_parse made 36,000 runs a minute instead of 1.3 million.
# fuzz_lint reads its first byte as settings (pg version, transaction): 'O' = PostgreSQL 18, no
# wrapping transaction; '_' = 14 in a transaction.
n=0
while IFS= read -r -d '' seed; do
  n=$((n + 1))
  { printf 'O'; cat "$seed"; } >"$work/lint/$n.sql"
  { printf '_'; cat "$seed"; } >"$work/lint/$n-txn.sql"
  cp "$seed" "$work/parse/$n.sql"  # fuzz_parse reads every byte as SQL
done < <(find testdata examples -name '*.sql' -size -4097c -print0)
# A settings byte with the high bit set makes the rest a history: its files joined by NUL bytes.
# Each case directory of testdata/ is one ('\xcf': PostgreSQL 16, the runner's transactions).
history_of() {  # the .sql files of directory $1, in version order, joined by NUL bytes
  local separator='' file
  while IFS= read -r -d '' file; do
    printf "$separator"
    cat "$file"
    separator='\0'
  done < <(find "$1" -name '*.sql' -print0 | sort -zV)
}
while IFS= read -r -d '' case_dir; do
  n=$((n + 1))
  { printf '\xcf'; history_of "$case_dir"; } >"$work/lint/$n-history.sql"
done < <(find testdata/rules -mindepth 2 -maxdepth 2 -type d -print0; find testdata/migrations -mindepth 1 -maxdepth 1 -type d -print0)
cp fuzz/seeds/config/*.toml "$work/config/"

# fuzz_runners: byte 0 is the runner, by its place in analyzer/runners.cpp's table; then fuzz_lint's
# input. Each layout of testdata/migrations/ (named after its runner) gives its files one by one
# ('O') and all of them as a history ('\xcf').
mapfile -t runners < <(grep -o 'RunnerProfile{"[a-z-]*"' analyzer/runners.cpp | cut -d'"' -f2)
runner_byte() {  # the runner a layout directory is named after: fuzz_runners' first byte, as printf's \NNN
  local best=-1 best_length=0 i
  for i in "${!runners[@]}"; do
    case "$1" in
      "${runners[$i]}" | "${runners[$i]}"-*)
        if [ ${#runners[$i]} -gt $best_length ]; then best=$i; best_length=${#runners[$i]}; fi ;;
    esac
  done
  [ $best -ge 0 ] && printf '\\%03o' "$best"
}
for layout in testdata/migrations/*/; do
  name=$(basename "$layout")
  byte=$(runner_byte "$name") || continue
  k=0
  while IFS= read -r -d '' file; do
    k=$((k + 1))
    { printf "$byte"; printf 'O'; cat "$file"; } >"$work/runners/$name-$k.sql"
  done < <(find "$layout" -name '*.sql' -print0 | sort -zV)
  { printf "$byte"; printf '\xcf'; history_of "$layout"; } >"$work/runners/$name-history.sql"
done

# fuzz_infra: the file's name on the first line, then its text.
while IFS= read -r -d '' seed; do
  n=$((n + 1))
  { basename "$seed"; cat "$seed"; } >"$work/infra/$n"
done < <(find fuzz/seeds/infra testdata/rules/bundled-engine-upgrade -type f ! -name '*.sql' -print0)

export TMPDIR=$work/tmp  # fuzz_lint writes each history's files there
mkdir -p "$TMPDIR"
# The leak suppressions name functions, so a leak's stack must be symbolized: without
# llvm-symbolizer (Debian's llvm package) libpg_query's known one-byte leak would fail the run.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for symbolizer in llvm-symbolizer llvm-symbolizer-14 /usr/lib/llvm-14/bin/llvm-symbolizer; do
    if command -v "$symbolizer" >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v "$symbolizer"); break; fi
  done
  [ -n "${ASAN_SYMBOLIZER_PATH:-}" ] ||
    { echo "fuzz: llvm-symbolizer is not installed (scripts/install-deps.sh installs it: Debian's llvm)" >&2; exit 2; }
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in "${targets[@]}"; do
  corpus=$work/${target#fuzz_}
  # Inputs that once failed are replayed first (extra corpus directories are only read).
  corpora=("$corpus")
  [ -d "fuzz/regressions/${target#fuzz_}" ] && corpora+=("fuzz/regressions/${target#fuzz_}")
  echo "fuzz: $target for ${seconds}s from $(ls "$corpus" | wc -l) seeds"
  if ! "$build/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" "${corpora[@]}" >"$build/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; the input is in $build/artifacts/, the log in $build/$target.log:" >&2
    tail -40 "$build/$target.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_runs|^#[0-9]+.*DONE' "$build/$target.log" | tail -2 || true
  fi
done
exit $status
