#!/usr/bin/env bash
# Runs ./test.sh twice with the quiet hours exported in the environment around the current time in the city's zone:
# first one hour either side of now (so "now" is inside the quiet hours), then twelve hours away (so it is outside).
# The suite must pass both times: every test pins the clock and the settings it relies on, and no app under test
# reads the machine's environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."
zone=$(sed -n 's/^timeZone: *//p' dialogs/city.yaml | tr -d '"')
hour=$(TZ="$zone" date +%H)
at() { printf '%02d:00' $(( (10#$hour + $1 + 24) % 24 )); }

echo "== quiet hours $(at -1)-$(at 1) in $zone (now inside them)"
Notifications__QuietHoursStart=$(at -1) Notifications__QuietHoursEnd=$(at 1) ./test.sh "$@"

echo "== quiet hours $(at 11)-$(at 13) in $zone (now twelve hours away)"
Notifications__QuietHoursStart=$(at 11) Notifications__QuietHoursEnd=$(at 13) ./test.sh "$@"
