#!/usr/bin/env bash
# zdlint's benchmarks, each in one hyperfine run so the ratios compare like with like:
#   1. the corpus (../shared/corpus/tools/filelist_common.txt): `zdlint --format sarif` against the
#      parse floor (bench/parse_floor.cpp: pg_query_parse over the same files on one thread), the
#      same parse with the trees zdlint reads, taken before libpg_query serialises them
#      (parse_floor --tree), the same trees through protobuf (parse_floor --protobuf) and squawk
#      2.66.0 (`squawk --reporter json`, from npm), with peak RSS of each;
#   2. --jobs 1 against the default;
#   3. one small migration end to end (the pre-commit case);
#   4. the 50 MB synthetic file (time, peak RSS) and 1x/2x/4x inputs (cost must grow linearly).
# Needs hyperfine and GNU time (Debian packages), npm for squawk (skipped without it), and the
# corpus; without the corpus it says so and exits 0. Results go to bench/results/.
#   bench/run.sh [BUILD_DIR]      (default build-bench, Release with -DZDLINT_BENCH=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath -m "${ZDLINT_CORPUS:-../shared/corpus}")
build=${1:-build-bench}
runs=${BENCH_RUNS:-10}
if [ ! -f "$corpus/tools/filelist_common.txt" ]; then
  echo "bench: no corpus at $corpus (set ZDLINT_CORPUS); skipping" >&2
  exit 0
fi
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install hyperfine time python3)" >&2; exit 2; }
done

# Timings are only worth comparing on an idle machine: a niced job in another session still takes
# its full share of the cores under the kernel's autogroup scheduling (bench/README.md, Measuring).
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v load="$load" 'BEGIN { exit !(load >= 0.5) }'; then
  echo "bench: warning: the load average is $load; if something else is still running, the timings will show it" >&2
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZDLINT_BENCH=ON -DZDLINT_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
zdlint=$(realpath "$build/zdlint")
floor=$(realpath "$build/parse_floor")
results=bench/results
mkdir -p "$results"

# squawk from npm, pinned, installed once next to the build.
squawk=""
if command -v npm >/dev/null; then
  tools=$(realpath -m "$build/bench-tools")
  if [ ! -x "$tools/node_modules/.bin/squawk" ]; then
    npm install --silent --no-audit --no-fund --prefix "$tools" squawk-cli@2.66.0 >/dev/null
  fi
  # The native binary, not the Node shim, so Node's start-up is not counted against squawk.
  squawk=$(find "$tools/node_modules/@squawk-cli" -type f -path '*/bin/squawk' | head -1)
fi
[ -n "$squawk" ] || echo "bench: npm not found or squawk not installed; squawk is left out" >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The common files, copied with their relative paths so every tool reads the same tree.
mkdir -p "$work/corpus"
(cd "$corpus" && xargs -d '\n' cp --parents -t "$work/corpus" <tools/filelist_common.txt)
(cd "$work/corpus" && find . -name '*.sql' -type f | sed "s|^\.|$work/corpus|" | sort) >"$work/list.txt"
echo "bench: $(wc -l <"$work/list.txt") files, $(cat "$work/list.txt" | xargs -d '\n' cat | wc -c) bytes"

peak_rss_mb() {  # peak RSS of one run of "$@", in MB
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  echo $(( $(tail -1 "$work/rss") / 1024 ))
}

echo "== 1. corpus: zdlint against the parse floor and squawk"
commands=(-n parse-floor "$floor $work/list.txt"
          -n "parse-floor --tree" "$floor --tree $work/list.txt"
          -n "parse-floor --protobuf" "$floor --protobuf $work/list.txt"
          -n "zdlint --format sarif" "$zdlint --format sarif --fail-on none $work/corpus")
[ -n "$squawk" ] && commands+=(-n "squawk --reporter json" "$squawk --reporter json '$work/corpus/**/*.sql'")
hyperfine -i --warmup 2 --runs "$runs" --export-json "$results/corpus.json" --export-markdown "$results/corpus.md" \
  "${commands[@]}"
echo "peak RSS: parse-floor $(peak_rss_mb "$floor" "$work/list.txt") MB, zdlint $(peak_rss_mb "$zdlint" --format sarif --fail-on none "$work/corpus") MB${squawk:+, squawk $(peak_rss_mb sh -c "$squawk --reporter json '$work/corpus/**/*.sql'") MB}"

echo "== 2. --jobs 1 against the default ($(nproc) cores)"
hyperfine --warmup 1 --runs "$runs" --export-markdown "$results/jobs.md" \
  -n "zdlint --jobs 1" "$zdlint --format sarif --fail-on none --jobs 1 $work/corpus" \
  -n "zdlint (default jobs)" "$zdlint --format sarif --fail-on none $work/corpus"

echo "== 3. one small migration end to end"
small=examples/migrations/006_add_invoice_indexes.sql
hyperfine -N --warmup 5 --runs 50 --export-markdown "$results/small.md" \
  -n "zdlint $(basename "$small")" "$zdlint --fail-on none $small"

echo "== 4. synthetic input: 50 MB, and 1x/2x/4x for linearity"
python3 "$corpus/tools/gen_synthetic.py" "$work/big.sql" >/dev/null
for scale in 1 2 4; do
  python3 "$corpus/tools/gen_synthetic.py" "$work/x$scale.sql" $((scale * 4 * 1024 * 1024)) >/dev/null
done
hyperfine --warmup 1 --runs 3 --export-markdown "$results/synthetic.md" \
  -n "4 MB" "$zdlint --format sarif --fail-on none $work/x1.sql" \
  -n "8 MB" "$zdlint --format sarif --fail-on none $work/x2.sql" \
  -n "16 MB" "$zdlint --format sarif --fail-on none $work/x4.sql"
/usr/bin/time -f '50 MB synthetic: %e s, peak RSS %M kB' "$zdlint" --format sarif --fail-on none "$work/big.sql" >/dev/null

python3 - "$results/corpus.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
floor, z = r["parse-floor"], r["zdlint --format sarif"]
print(f"zdlint / parse floor: {z / floor:.2f}x (target <= 1.5x)")
print(f"parse and tree / parse floor: {r['parse-floor --tree'] / floor:.2f}x (the trees zdlint reads, taken before libpg_query serialises them)")
print(f"protobuf parse and unpack / parse floor: {r['parse-floor --protobuf'] / floor:.2f}x (the same trees packed and unpacked)")
if "squawk --reporter json" in r:
    print(f"squawk / zdlint: {r['squawk --reporter json'] / z:.2f}x faster (target >= 5x)")
PY
