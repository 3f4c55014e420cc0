#!/usr/bin/env bash
# Stops the test PostgreSQL server started by scripts/start-test-postgres.sh.
#   scripts/stop-test-postgres.sh           stop it (its data stays; the next start reuses it)
#   scripts/stop-test-postgres.sh --purge   stop it and delete its folder
set -euo pipefail

purge=false
case "${1:-}" in
  --purge) purge=true ;;
  "") ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac

state=${CHANNELBOT_TEST_POSTGRES_DIR:-${TMPDIR:-/tmp}/channelbot-test-postgres}
cd /

if [ -f "$state/data/PG_VERSION" ]; then
  bin=/usr/lib/postgresql/$(cat "$state/data/PG_VERSION")/bin
  if [ "$(id -u)" -eq 0 ]; then
    run() { if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi; }
  else
    run() { "$@"; }
  fi
  if run "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
    run "$bin/pg_ctl" -D "$state/data" stop -m fast -w >/dev/null
    echo "stop-test-postgres: stopped" >&2
  else
    echo "stop-test-postgres: not running" >&2
  fi
else
  echo "stop-test-postgres: no test cluster in $state" >&2
fi

if [ "$purge" = true ]; then
  rm -rf "$state" "$state.lock"
  echo "stop-test-postgres: deleted $state" >&2
fi
