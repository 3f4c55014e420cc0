#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the browser tests (Microsoft.Playwright drives it; no
# browser download of Playwright's own). Does nothing when it is already there. Needs root or password-less sudo
# (as on CI). Called by ./test.sh; run it by hand before `dotnet test` on a machine of your own.
#
#   scripts/install-chromium.sh
set -euo pipefail

say() { echo "install-chromium: $*" >&2; }
die() { say "$*"; exit 1; }

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

say "/usr/bin/chromium not found; installing the Debian package 'chromium'"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null \
    || die "run as root, or install it first: sudo apt-get update && sudo apt-get install -y chromium"
  sudo=(sudo -n)
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
[ -x /usr/bin/chromium ] || die "the package 'chromium' did not provide /usr/bin/chromium"
