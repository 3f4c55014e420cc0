#!/usr/bin/env bash
# The large chaos run of issue 16 (docs/chaos.md): 1,000 residents on SMS, WhatsApp, Messenger and web chat, two app
# processes on one PostgreSQL, 100 kill -9s. Tens of minutes; not part of ./test.sh. Run ./test.sh once before (it
# installs PostgreSQL and the npm packages the build needs).
#
#   scripts/chaos-large.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/start-test-postgres.sh --print-env)"
export CHANNELBOT_TEST_POSTGRES
dotnet build tests/ChannelBot.Web.Tests -c Release -nologo -clp:ErrorsOnly
dotnet test tests/ChannelBot.Web.Tests -c Release --no-build -nologo \
  --filter "Category=ChaosLarge" --logger "console;verbosity=detailed" "$@"
