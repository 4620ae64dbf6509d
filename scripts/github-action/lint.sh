#!/usr/bin/env bash
# The lint step of the zdlint GitHub Action (action.yml). Runs zdlint on the action's inputs, writes
# the SARIF report, prints the findings as annotations, sets the step outputs `exit-code` and
# `sarif-file`, and exits with zdlint's exit code.
#
# Everything arrives in environment variables, so no input is ever run as shell code:
#   ZDLINT              the zdlint binary (a path, or a name on PATH)
#   INPUT_PATHS         files and directories to lint, separated by spaces or newlines
#   INPUT_PG_VERSION    --pg-version (empty: the configuration file's, else zdlint's default)
#   INPUT_CONFIG        --config (empty: the nearest .zdlint.toml of each file)
#   INPUT_FAIL_ON       --fail-on (empty: the configuration file's, else warning)
#   INPUT_SARIF_FILE    where to write the SARIF report (empty: no SARIF)
#   INPUT_ANNOTATIONS   true: print workflow-command annotations (--format github); false: text
#   INPUT_ARGS          more zdlint options, separated by spaces or newlines
#   GITHUB_OUTPUT       the file step outputs are appended to (set by the runner)
set -uo pipefail

zdlint=${ZDLINT:-zdlint}
output=${GITHUB_OUTPUT:-/dev/null}

# Usage errors: an annotation, exit-code 2, as zdlint itself exits for a bad option.
usage_error() {
  echo "::error title=zdlint action::$*"
  echo "exit-code=2" >>"$output"
  exit 2
}

# Splits $2 at spaces and newlines into the array named $1. No glob expansion, no quotes: a path
# with a space in it cannot be given through this action.
split_words() {
  local -n words_out=$1
  local line
  local -a words
  words_out=()
  while IFS= read -r line; do
    read -r -a words <<<"$line"
    words_out+=("${words[@]}")
  done <<<"$2"
}

paths=() extra=()
split_words paths "${INPUT_PATHS:-}"
[ ${#paths[@]} -gt 0 ] || usage_error "the paths input is empty: name the migration files or directories to lint"
split_words extra "${INPUT_ARGS:-}"

options=()
[ -z "${INPUT_PG_VERSION:-}" ] || options+=(--pg-version "$INPUT_PG_VERSION")
[ -z "${INPUT_CONFIG:-}" ] || options+=(--config "$INPUT_CONFIG")
[ -z "${INPUT_FAIL_ON:-}" ] || options+=(--fail-on "$INPUT_FAIL_ON")
options+=("${extra[@]}")

annotations=${INPUT_ANNOTATIONS:-true}
case "$annotations" in
  true | false) ;;
  *) usage_error "the annotations input must be true or false, not '$annotations'" ;;
esac

sarif=${INPUT_SARIF_FILE:-}
case "$sarif" in
  *$'\n'*) usage_error "the sarif-file input must be a single path" ;;
esac

status=
if [ -n "$sarif" ]; then
  mkdir -p -- "$(dirname -- "$sarif")"
  "$zdlint" --format sarif --output "$sarif" "${options[@]}" -- "${paths[@]}"
  status=$?
  # Set even when the run fails: a later `if: always()` step uploads the report.
  [ ! -f "$sarif" ] || echo "sarif-file=$sarif" >>"$output"
fi

# The SARIF run already knows the verdict; this run prints it for people reading the checks.
if [ "$annotations" = true ]; then
  "$zdlint" --format github "${options[@]}" -- "${paths[@]}"
else
  "$zdlint" --format text --color always "${options[@]}" -- "${paths[@]}"
fi
rc=$?
if [ -z "$status" ] || [ "$rc" -gt "$status" ]; then status=$rc; fi

echo "exit-code=$status" >>"$output"
case "$status" in
  0) ;;
  1) echo "zdlint: findings at or above the fail-on severity (exit code 1)" ;;
  *) echo "::error title=zdlint::zdlint could not lint every file (exit code $status); see the messages above" ;;
esac
exit "$status"
