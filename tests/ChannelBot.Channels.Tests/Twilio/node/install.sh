#!/usr/bin/env bash
# Installs the official twilio npm package (the signature oracle of the Twilio ingress tests) next to this
# script, from package-lock.json, when it is not there yet. Called by ./test.sh; the tests call it too.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/twilio/package.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
