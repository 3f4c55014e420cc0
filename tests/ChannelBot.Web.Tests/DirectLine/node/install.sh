#!/usr/bin/env bash
# Installs the official botframework-directlinejs npm package (and ws, xhr2 for Node) next to this script, from
# package-lock.json, when it is not there yet. Called by ./test.sh; the Direct Line client tests call it too.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/botframework-directlinejs/package.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
