#!/usr/bin/env bash
# GitHub Action step: build draftlint from the action's own checkout (the
# ref the workflow names), unless the cache restored it. The job's Go is
# not changed: the go command on the runner builds it, fetching the Go
# release go.mod asks for when it is older (GOTOOLCHAIN=auto), without
# touching PATH for later steps.
set -euo pipefail
bin="$RUNNER_TEMP/draftlint-bin/draftlint"
if [ -x "$bin" ]; then
  echo "draftlint from the cache: $("$bin" version)"
else
  if ! command -v go >/dev/null 2>&1; then
    echo "::error title=draftlint::Go is not installed on this runner; the draftlint action builds draftlint from its sources with it"
    exit 2
  fi
  mkdir -p "$(dirname "$bin")"
  (cd "$GITHUB_ACTION_PATH" &&
    GOTOOLCHAIN=auto GOFLAGS=-buildvcs=false CGO_ENABLED=0 go build -ldflags "-X main.version=${ACTION_REF:-}" -o "$bin" ./cmd/draftlint)
  echo "built $("$bin" version)"
fi
echo "bin=$bin" >>"$GITHUB_OUTPUT"
