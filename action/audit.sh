#!/usr/bin/env bash
# The audit step of action.yml. The runner starts it from the workspace with the inputs in
# INPUT_* variables. One run of the CLI is the gate (its exit code is the step's: 0 passed,
# 1 below a threshold, 2 invalid input); the others write the job summary, the annotations
# and the report files with --exit-zero, so they never hide the gate and exit 2 still shows.
set -euo pipefail

cli=(node "$GITHUB_ACTION_PATH/bin/social-audit.js")
work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/social-audit.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail_usage() {
  echo "::error title=social-audit::$1"
  exit 2
}

is_boolean() { [ "$1" = true ] || [ "$1" = false ]; }
is_boolean "$INPUT_EXIT_ZERO" || fail_usage "exit-zero must be true or false, got \"$INPUT_EXIT_ZERO\""
is_boolean "$INPUT_PLAN_THRESHOLDS" || fail_usage "plan-thresholds must be true or false, got \"$INPUT_PLAN_THRESHOLDS\""

# Plans: each word is a path or a glob (** crosses folders). A glob that matches nothing is an
# error; a plain path is passed on as it is, so the CLI names a missing file itself.
shopt -s globstar nullglob
set -f
patterns=($INPUT_PLANS)
set +f
plans=()
for pattern in "${patterns[@]}"; do
  if [[ "$pattern" == *[\*\?\[]* ]]; then
    matches=($pattern)
    [ "${#matches[@]}" -gt 0 ] || fail_usage "no plan file matches \"$pattern\""
    plans+=("${matches[@]}")
  else
    plans+=("$pattern")
  fi
done
[ "${#plans[@]}" -gt 0 ] || fail_usage "the plans input is empty"
shopt -u nullglob

# The options every run shares.
args=(--no-color)
[ -z "$INPUT_FAIL_UNDER" ] || args+=(--fail-under "$INPUT_FAIL_UNDER")
set -f
for entry in $INPUT_MIN; do args+=(--min "$entry"); done
for path in $INPUT_RUBRICS; do args+=(--rubrics "$path"); done
set +f
[ -z "$INPUT_BASELINE" ] || args+=(--baseline "$INPUT_BASELINE" --fail-on-regression)
[ "$INPUT_PLAN_THRESHOLDS" = true ] || args+=(--no-plan-thresholds)

extension() {
  case "$1" in
    json) echo json ;; jsonl) echo jsonl ;; markdown) echo md ;; html) echo html ;;
    junit) echo xml ;; sarif) echo sarif ;; table) echo txt ;;
    *) return 1 ;;
  esac
}
set -f
formats=($INPUT_FORMATS)
set +f
for format in "${formats[@]}"; do
  extension "$format" >/dev/null ||
    fail_usage "formats: \"$format\" is not a report file format (json, jsonl, markdown, html, junit, sarif, table)"
done

# The gate. `|| gate=$?` records the exit code instead of stopping here, so the summary and
# the annotations are still written when it fails.
gate_args=()
[ "$INPUT_EXIT_ZERO" = false ] || gate_args+=(--exit-zero)
gate=0
"${cli[@]}" audit "${plans[@]}" "${args[@]}" "${gate_args[@]}" --format json -o "$work/report.json" --force || gate=$?
case "$gate" in 0 | 1 | 2) ;; *) exit "$gate" ;; esac
node "$GITHUB_ACTION_PATH/action/outputs.mjs" "$work/report.json" "$gate" >>"$GITHUB_OUTPUT"

# A run besides the gate exits 0, or 2 when the gate did too (its message was shown already).
report() {
  local code=0
  "${cli[@]}" audit "${plans[@]}" "${args[@]}" --exit-zero "$@" 2>"$work/stderr" || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne "$gate" ]; then
    cat "$work/stderr" >&2
    exit "$code"
  fi
}

# Job summary: the Markdown report, or a pointer to the log when no plan could be read.
report --format markdown --top "$INPUT_TOP" -o "$work/summary.md" --force
if [ -s "$work/summary.md" ]; then
  cat "$work/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
if [ "$gate" -eq 2 ]; then
  printf '\n> [!CAUTION]\n> social-audit: a plan or an option is invalid (exit 2); the step log says where.\n' >>"$GITHUB_STEP_SUMMARY"
fi

# Annotations: workflow commands on stdout, which the runner turns into annotations.
report --format github --top "$INPUT_TOP"

mkdir -p "$INPUT_OUTPUT_DIR"
written=()
# Report files are whole: `top` is for what a person reads in the run (summary, annotations);
# each file keeps its format's own default (SARIF and JSON: every recommendation).
for format in "${formats[@]}"; do
  file="$INPUT_OUTPUT_DIR/social-audit.$(extension "$format")"
  report --format "$format" -o "$file" --force
  if [ -e "$file" ]; then
    written+=("$file")
    [ "$format" != sarif ] || echo "sarif-file=$file" >>"$GITHUB_OUTPUT"
  fi
done
{
  echo "reports<<SOCIAL_AUDIT_EOF"
  [ "${#written[@]}" -eq 0 ] || printf '%s\n' "${written[@]}"
  echo "SOCIAL_AUDIT_EOF"
} >>"$GITHUB_OUTPUT"

exit "$gate"
