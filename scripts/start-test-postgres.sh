#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL server for the tests, on 127.0.0.1 only.
#
#   scripts/start-test-postgres.sh               start it; print how to use it
#   scripts/start-test-postgres.sh --print-env   start it; print only `export CHANNELBOT_TEST_POSTGRES='...'`
#                                                (for eval, as ./test.sh does)
#   source "${TMPDIR:-/tmp}/channelbot-test-postgres/env"   the same line, for a shell of your own
#
# Installs the server from Debian packages when /usr/lib/postgresql/*/bin/initdb is missing (needs root, as
# on CI). The cluster lives in $CHANNELBOT_TEST_POSTGRES_DIR (default ${TMPDIR:-/tmp}/channelbot-test-postgres),
# owned by the `postgres` OS user when run as root (initdb refuses root). It listens on a free port from 55432
# up, with a password login for the role `channelbot_test`, which may create databases: each test class makes
# its own database and drops it. Durability is off (fsync, full_page_writes): this server holds nothing worth
# keeping. Running the script again reuses the running server. Stop it with scripts/stop-test-postgres.sh.
set -euo pipefail

print_env_only=false
case "${1:-}" in
  --print-env) print_env_only=true ;;
  "") ;;
  *) echo "usage: $0 [--print-env]" >&2; exit 2 ;;
esac

state=${CHANNELBOT_TEST_POSTGRES_DIR:-${TMPDIR:-/tmp}/channelbot-test-postgres}
role=channelbot_test
database=channelbot_test
first_port=55432

say() { echo "start-test-postgres: $*" >&2; }
die() { say "$*"; exit 1; }

# Neither the postgres user nor the server should depend on the caller's working directory.
cd /

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_server() {
  say "PostgreSQL server binaries not found; installing the Debian package 'postgresql'"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null \
      || die "run as root, or install it first: sudo apt-get update && sudo apt-get install -y postgresql"
    sudo=(sudo -n)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

bin=$(server_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  install_server
  bin=$(server_bin)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "installing postgresql did not provide /usr/lib/postgresql/*/bin/initdb"
fi
major=$(basename "$(dirname "$bin")")

# initdb and the server refuse to run as root: as root, run them as the postgres OS user.
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id -u "$owner" >/dev/null 2>&1 || die "the OS user 'postgres' is missing (the postgresql package creates it)"
  as_owner() {
    if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

# One start at a time (two test runs starting together share the server).
mkdir -p "$(dirname "$state")"
exec 9>"$state.lock"
command -v flock >/dev/null && flock 9

data=$state/data
sockets=$state/run
mkdir -p "$state"
chown "$owner" "$state"
chmod 700 "$state"

if [ -f "$data/PG_VERSION" ] && [ "$(cat "$data/PG_VERSION")" != "$major" ]; then
  say "the cluster in $data was made by PostgreSQL $(cat "$data/PG_VERSION"), the server is $major: recreating it"
  as_owner "$bin/pg_ctl" -D "$data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$data"
fi

if [ ! -f "$data/PG_VERSION" ]; then
  say "creating a cluster (PostgreSQL $major) in $data"
  rm -rf "$data" "$state/password"
  as_owner mkdir -p "$data" "$sockets"
  as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; die "initdb failed"; }
  as_owner sh -c "cat >> '$data/postgresql.conf'" <<CONF

# scripts/start-test-postgres.sh: a throwaway server for tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockets'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

if [ ! -s "$state/password" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24 >"$state/password")
fi
password=$(cat "$state/password")

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running=false
if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && [ -s "$state/port" ]; then
  port=$(cat "$state/port")
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    running=true
    say "reusing the server already running on 127.0.0.1:$port"
  else
    say "the server in $data does not answer on port $port: restarting it"
    as_owner "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null 2>&1 || true
  fi
fi

if [ "$running" = false ]; then
  port=$(cat "$state/port" 2>/dev/null || echo "$first_port")
  if port_in_use "$port"; then
    port=$first_port
    while port_in_use "$port"; do
      port=$((port + 1))
      [ "$port" -lt $((first_port + 200)) ] || die "no free port between $first_port and $((first_port + 199))"
    done
  fi
  echo "$port" >"$state/port"
  say "starting the server on 127.0.0.1:$port"
  # 9>&-: the server must not inherit the lock, or it would hold it for as long as it runs.
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $port" start >/dev/null 9>&- \
    || { tail -n 30 "$data/server.log" >&2 || true; die "the server did not start"; }
fi

# The test role (may create databases) and a database of its own to connect to; the password is set each
# time, so a lost password file heals itself.
psql_admin() { as_owner "$bin/psql" -h "$sockets" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;" >/dev/null
if [ "$(psql_admin -c "SELECT count(*) FROM pg_database WHERE datname = '$database'")" = "0" ]; then
  psql_admin -c "CREATE DATABASE $database OWNER $role" >/dev/null
fi

# Prove the connection string works over TCP with the password, as the tests will use it.
PGPASSWORD=$password PGCONNECT_TIMEOUT=10 "$bin/psql" -h 127.0.0.1 -p "$port" -U "$role" -d "$database" -qtA -c "SELECT 1" >/dev/null \
  || die "cannot log in as $role on 127.0.0.1:$port"

connection="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$database;Include Error Detail=true"
line="export CHANNELBOT_TEST_POSTGRES='$connection'"
(umask 077; echo "$line" >"$state/env")

if [ "$print_env_only" = true ]; then
  echo "$line"
else
  say "ready. For the tests, in this shell:"
  echo "$line"
  say "(or: source $state/env)"
fi
