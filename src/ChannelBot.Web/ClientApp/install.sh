#!/usr/bin/env bash
# Installs the web pages' front-end packages from package-lock.json (npm ci) and copies only the files the pages
# serve into ../wwwroot/lib/ (git-ignored): the official Web Chat bundle, botframework-webchat 4.18.1
# dist/webchat.js, and its licence notice (the npm package unpacks to ~185 MB, a 147 MB stats file, so only the
# bundle is copied); Leaflet 1.9.4's dist (leaflet.js, leaflet.css, images/) for the map of /requests; and Chart.js
# 4.6.1's dist/chart.umd.js for the analytics of /staff. Does nothing when every copied file is already there for
# this package-lock.json.
#
# Run by the build of ChannelBot.Web (an MSBuild target, when a copied file is missing) and by ./test.sh.
#   src/ChannelBot.Web/ClientApp/install.sh           install when missing
#   src/ChannelBot.Web/ClientApp/install.sh --force   install again
set -euo pipefail
cd "$(dirname "$0")"

say() { echo "ClientApp/install.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

lib=../wwwroot/lib
stamp=$lib/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)

# Every file the pages load (the MSBuild target checks the same three bundles).
copied=("$lib/webchat/webchat.js" "$lib/leaflet/leaflet.js" "$lib/leaflet/leaflet.css" "$lib/leaflet/images/marker-icon.png" "$lib/chartjs/chart.umd.js")
installed() {
  for file in "${copied[@]}"; do [ -f "$file" ] || return 1; done
  [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]
}

if [ "${1:-}" != "--force" ] && installed; then
  exit 0
fi

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || die "Node.js 20+ with npm is needed to install the web chat bundle (botframework-webchat from npm). Install Node.js (e.g. 'apt-get install nodejs npm'), then build again."
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || die "Node.js 20+ is needed (found $(node --version))."

if [ ! -f node_modules/botframework-webchat/dist/webchat.js ] || [ ! -f node_modules/leaflet/dist/leaflet.js ] \
   || [ ! -f node_modules/chart.js/dist/chart.umd.js ] || [ "$(cat node_modules/.package-lock.sha256 2>/dev/null)" != "$want" ]; then
  say "npm ci (botframework-webchat, leaflet, chart.js, from package-lock.json)"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  echo "$want" > node_modules/.package-lock.sha256
fi

rm -f "$stamp"
rm -rf "$lib/webchat"
mkdir -p "$lib/webchat"
cp node_modules/botframework-webchat/dist/webchat.js "$lib/webchat/webchat.js"
cp node_modules/botframework-webchat/dist/webchat.js.LICENSE.txt "$lib/webchat/webchat.js.LICENSE.txt"
cp node_modules/botframework-webchat/LICENSE "$lib/webchat/LICENSE" 2>/dev/null || true

rm -rf "$lib/leaflet"
mkdir -p "$lib/leaflet/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$lib/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$lib/leaflet/images/"
cp node_modules/leaflet/LICENSE "$lib/leaflet/LICENSE"

rm -rf "$lib/chartjs"
mkdir -p "$lib/chartjs"
cp node_modules/chart.js/dist/chart.umd.js "$lib/chartjs/chart.umd.js"
cp node_modules/chart.js/LICENSE.md "$lib/chartjs/LICENSE.md" 2>/dev/null || true

# Written last (and removed before copying): a run stopped half-way leaves no stamp, so the next one copies again.
echo "$want" > "$stamp"
say "copied botframework-webchat $(node -p 'require("./node_modules/botframework-webchat/package.json").version') dist/webchat.js into wwwroot/lib/webchat/"
say "copied leaflet $(node -p 'require("./node_modules/leaflet/package.json").version') dist (leaflet.js, leaflet.css, images/) into wwwroot/lib/leaflet/"
say "copied chart.js $(node -p 'require("./node_modules/chart.js/package.json").version') dist/chart.umd.js into wwwroot/lib/chartjs/"
