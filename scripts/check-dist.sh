#!/usr/bin/env bash
# Fails when the committed dist/ is not what a build of src/ makes. dist/ is deleted first, so a
# chunk no build makes any more counts as a difference too (the build deletes it as well).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npm run build
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ does not match a fresh build of src/. Run 'npm run build' and commit dist/." >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ matches a fresh build."
