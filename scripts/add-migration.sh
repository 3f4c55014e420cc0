#!/usr/bin/env bash
# Adds a migration named NAME for BOTH database providers (SQLite and PostgreSQL), each into its own set:
#   src/ChannelBot.Infrastructure/Persistence/Migrations/Sqlite/
#   src/ChannelBot.Infrastructure/Persistence/Migrations/Postgres/
# Usage: scripts/add-migration.sh NAME
# Neither database is contacted: the design-time factories in Persistence/ build each model offline.
# Build outputs follow $ArtifactsPath when it is set (MSBuild reads it from the environment).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Za-z][A-Za-z0-9_]*$ ]]; then
  echo "usage: $0 NAME   (NAME: a C# identifier, e.g. AddCaseAssignee)" >&2
  exit 2
fi
name=$1
project=src/ChannelBot.Infrastructure/ChannelBot.Infrastructure.csproj

dotnet tool restore >/dev/null
dotnet build "$project" -nologo -clp:ErrorsOnly

for provider in Sqlite Postgres; do
  echo "== $provider: $name"
  dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$project" \
    --context "${provider}ChannelBotDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done

echo "Added $name for SQLite and PostgreSQL. Review both, then run the tests (the model-vs-migrations test checks them)."
