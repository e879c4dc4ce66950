#!/usr/bin/env bash
# Checks that the committed pkg/ is what the sources build (the build is deterministic), so the package
# in the repository never lags the code. Run right after scripts/build.sh; prints `N passed, N failed`.
cd "$(dirname "$0")/.."
stale=$( { git diff --name-only -- pkg; git ls-files --others --exclude-standard -- pkg; } | sort -u)
if [ -z "$stale" ]; then
  echo "pkg-committed: 1 passed, 0 failed"
else
  echo "pkg/ differs from a fresh build; run bash scripts/build.sh and commit pkg/:"
  echo "$stale"
  echo "pkg-committed: 0 passed, 1 failed"
  exit 1
fi
