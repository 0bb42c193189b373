#!/usr/bin/env bash
# Fails when the committed dist/ differs from what `npm run build` just produced: CI runs the build
# first, so any difference means src/ changed without dist/ being rebuilt and committed.
set -euo pipefail
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ does not match a fresh build of src/. Run 'npm run build' and commit dist/." >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ matches a fresh build."
