#!/usr/bin/env bash
# Runs every test of ChannelBot on a fresh machine that has only the .NET SDK and Node.js:
# installs and starts what the tests need (a throwaway PostgreSQL on 127.0.0.1, Chromium), builds, runs all test
# projects, and ends with one line "N passed, N failed".
#
#   ./test.sh                 everything
#   ./test.sh --filter X      passed through to `dotnet test` (e.g. --filter FullyQualifiedName~Transcript)
# Without a filter, the large chaos run (Category=ChaosLarge, tens of minutes) is left out: scripts/chaos-large.sh.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }

say "PostgreSQL for the PostgreSQL tests"
eval "$(scripts/start-test-postgres.sh --print-env)"
export CHANNELBOT_TEST_POSTGRES

say "npm packages the tests use (the official twilio and botframework-directlinejs clients, axe-core) and the web page's Web Chat and Leaflet bundles"
tests/ChannelBot.Channels.Tests/Twilio/node/install.sh
tests/ChannelBot.Web.Tests/DirectLine/node/install.sh
tests/ChannelBot.Web.Tests/Public/node/install.sh
src/ChannelBot.Web/ClientApp/install.sh

say "Chromium for the browser tests (Debian's package, driven by Microsoft.Playwright)"
scripts/install-chromium.sh

say "Build"
dotnet build ChannelBot.sln -c Release -nologo -clp:ErrorsOnly

say "Tests"
log=$(mktemp)
filter=()
case " $* " in *" --filter "*|*" --filter="*) ;; *) filter=(--filter "Category!=ChaosLarge") ;; esac
set +e
dotnet test ChannelBot.sln -c Release --no-build -nologo "${filter[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run broke before counting (a crash or a build error): never report it as green
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
