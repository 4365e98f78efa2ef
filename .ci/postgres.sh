#!/usr/bin/env bash
# Starts a PostgreSQL server for the tests: installs Debian's postgresql if missing, starts the cluster,
# creates the role and database the tests use (the role may create databases: every test class gets its own),
# and waits until the server accepts connections.
# Idempotent: every step checks before it acts. Runs as root or through sudo.
#
# Prints the settings the tests read, as shell exports, on stdout (everything else goes to stderr):
#   eval "$(.ci/postgres.sh)"
# With a file argument it also writes them there (source it later):
#   .ci/postgres.sh target/postgres.env
#
# MLR_TEST_POSTGRES_USER, MLR_TEST_POSTGRES_PASSWORD, MLR_TEST_POSTGRES_DB and MLR_TEST_POSTGRES_PORT change the
# defaults (mlr, mlr, mlr_test, 5432).
set -euo pipefail

PG_USER="${MLR_TEST_POSTGRES_USER:-mlr}"
PG_PASSWORD="${MLR_TEST_POSTGRES_PASSWORD:-mlr}"
PG_DB="${MLR_TEST_POSTGRES_DB:-mlr_test}"
PG_PORT="${MLR_TEST_POSTGRES_PORT:-5432}"

log() { echo "[postgres] $*" >&2; }
as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }

install_postgres() {
  if dpkg -s postgresql >/dev/null 2>&1 && command -v pg_lsclusters >/dev/null; then
    return
  fi
  log "installing postgresql"
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
}

cluster() {
  # the newest installed cluster: "<version> <name>"
  pg_lsclusters --no-header | awk '{print $1, $2}' | sort -V | tail -1
}

start_cluster() {
  local version name
  read -r version name <<<"$(cluster)"
  if [ -z "${version:-}" ]; then
    log "no cluster found; creating one"
    version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    name=main
    as_root pg_createcluster "$version" "$name" -p "$PG_PORT" >&2
  fi
  if ! pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $4}' | grep -q online; then
    log "starting cluster $version/$name"
    as_root pg_ctlcluster "$version" "$name" start >&2
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h localhost -p "$PG_PORT" && return
    sleep 1
  done
  log "PostgreSQL did not accept connections on port $PG_PORT"
  as_root tail -50 "/var/log/postgresql/postgresql-$version-$name.log" >&2 || true
  exit 1
}

create_role_and_database() {
  local quoted_password="${PG_PASSWORD//\'/\'\'}"
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
    log "creating role $PG_USER"
    psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$quoted_password'"
  else
    psql_admin -c "ALTER ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$quoted_password'"
  fi
  # dropping a test database WITH (FORCE) ends the sessions on it, autovacuum workers included
  psql_admin -c "GRANT pg_signal_backend TO \"$PG_USER\""
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
    log "creating database $PG_DB"
    psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\""
  fi
}

check_login() {
  if ! PGPASSWORD="$PG_PASSWORD" psql -h localhost -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qtA -c "SELECT 1" \
      >/dev/null; then
    log "cannot sign in as $PG_USER over TCP (check pg_hba.conf allows password logins from localhost)"
    exit 1
  fi
}

install_postgres
start_cluster
create_role_and_database
check_login

settings="export MLR_TEST_POSTGRES_URL=jdbc:postgresql://localhost:$PG_PORT/$PG_DB
export MLR_TEST_POSTGRES_USER=$PG_USER
export MLR_TEST_POSTGRES_PASSWORD=$PG_PASSWORD"
if [ $# -gt 0 ]; then
  mkdir -p "$(dirname "$1")"
  printf '%s\n' "$settings" >"$1"
  log "settings written to $1"
fi
log "PostgreSQL is up on localhost:$PG_PORT (database $PG_DB, role $PG_USER)"
printf '%s\n' "$settings"
