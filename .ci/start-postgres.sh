#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the remote-store tests (idempotent; meant for root on Debian).
#
#   .ci/start-postgres.sh [DATA_DIR]        default DATA_DIR: $CCT_PG_DATA or /tmp/cct-pg
#
# The cluster listens on 127.0.0.1:$CCT_PG_PORT (default 55432) only; its unix socket lives inside the data
# dir. TCP clients authenticate with scram-sha-256 as user cct / password cct-test-secret, database cct.
# Prints the settings the tests read (CCT_PG_URL, CCT_PG_USER, CCT_PG_PASSWORD) as KEY=value lines, so
# `eval "$(.ci/start-postgres.sh | grep ^CCT_PG_ | sed 's/^/export /')"` exports them.
set -euo pipefail

DATA_DIR="${1:-${CCT_PG_DATA:-/tmp/cct-pg}}"
PORT="${CCT_PG_PORT:-55432}"
DB_USER=cct
DB_PASSWORD=cct-test-secret
DB_NAME=cct
OS_USER=postgres

log() { echo "start-postgres: $*" >&2; }

# Debian keeps the server binaries under /usr/lib/postgresql/<major>/bin, off the PATH.
find_bindir() {
    local candidate
    if candidate="$(command -v initdb 2>/dev/null)"; then
        dirname "$(readlink -f "$candidate")"
        return 0
    fi
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then
        echo "$candidate"
        return 0
    fi
    return 1
}

if ! BIN="$(find_bindir)"; then
    if [[ $EUID -ne 0 ]]; then
        log "initdb not found and not root: install PostgreSQL (apt-get install -y postgresql) first"
        exit 1
    fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN="$(find_bindir)"
fi

# Run a server binary as the cluster's owner (postgres when we are root, else ourselves).
if [[ $EUID -eq 0 ]]; then
    id "$OS_USER" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$OS_USER"
    as_owner() { runuser -u "$OS_USER" -- "$@"; }
    SUPERUSER="$OS_USER"
else
    as_owner() { "$@"; }
    SUPERUSER="$(id -un)"
fi

if [[ ! -s "$DATA_DIR/PG_VERSION" ]]; then
    log "creating cluster in $DATA_DIR"
    mkdir -p "$DATA_DIR"
    [[ $EUID -eq 0 ]] && chown "$OS_USER": "$DATA_DIR"
    chmod 700 "$DATA_DIR"
    as_owner "$BIN/initdb" -D "$DATA_DIR" -U "$SUPERUSER" --auth-local=peer --auth-host=reject \
        --encoding=UTF8 --locale=C.UTF-8 >&2
    # Settings appended last win over initdb's defaults.
    as_owner tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<CONF
# cc-telemetry test cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA_DIR'
password_encryption = 'scram-sha-256'
max_connections = 50
CONF
    as_owner tee "$DATA_DIR/pg_hba.conf" >/dev/null <<HBA
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       $SUPERUSER           peer
host    all       all   127.0.0.1/32   scram-sha-256
HBA
fi

if as_owner "$BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
    log "already running"
else
    log "starting on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 60 start >&2
fi

for _ in $(seq 1 60); do
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        break
    fi
    sleep 0.5
done
"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || { log "server did not become ready; see $DATA_DIR/server.log"; exit 1; }

psql_admin() { as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DATA_DIR" -p "$PORT" -U "$SUPERUSER" -d postgres "$@"; }

# Role and database: created when missing, password reset every time (cheap, keeps re-runs convergent).
psql_admin >/dev/null <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$DB_USER')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') \gexec
ALTER ROLE $DB_USER WITH LOGIN PASSWORD '$DB_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL

echo "CCT_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME"
echo "CCT_PG_USER=$DB_USER"
echo "CCT_PG_PASSWORD=$DB_PASSWORD"
echo "CCT_PG_DATA=$DATA_DIR"
echo "CCT_PG_VERSION=$("$BIN/postgres" --version | awk '{print $3}')"
