#!/usr/bin/env bash
# GitHub Action step: the cache key of the draftlint binary, made of the
# runner's system and a hash of every file of the action's checkout, so a
# new ref (or a branch that moved) builds anew and an unchanged one is
# taken from the cache.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
sum=$(find . -path ./.git -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-40)
echo "key=draftlint-bin-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}-$sum" >>"$GITHUB_OUTPUT"
