#!/usr/bin/env bash
# GitHub Action step: one draftlint run that prints the findings as
# annotations (--format github) and, when asked, writes the SARIF file of
# the same run (--also sarif=FILE). Its exit code is the step's. The
# inputs come in environment variables and are never evaluated: args are
# split at white space (no quotes, globs or expansions), paths are one a
# line.
set -uo pipefail
args=(--format github)
if [ -n "${INPUT_SARIF:-}" ]; then
  args+=(--also "sarif=$INPUT_SARIF")
fi
extra=()
read -r -d '' -a extra <<<"${INPUT_ARGS:-}" || true
paths=()
while IFS= read -r p; do
  p="${p%$'\r'}"
  p="${p#"${p%%[![:space:]]*}"}" # leading white space
  p="${p%"${p##*[![:space:]]}"}" # trailing white space
  if [ -n "$p" ]; then paths+=("$p"); fi
done <<<"${INPUT_PATHS:-.}"
if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi
"$DRAFTLINT" "${args[@]}" "${extra[@]}" -- "${paths[@]}"
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$code" >>"$GITHUB_OUTPUT"; fi
exit "$code"
