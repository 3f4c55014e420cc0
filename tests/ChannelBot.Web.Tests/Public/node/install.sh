#!/usr/bin/env bash
# Installs axe-core (the accessibility rules the public view's tests run in Chromium) next to this script, from
# package-lock.json, when it is not there yet. The accessibility tests call it themselves; ./test.sh may too.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
