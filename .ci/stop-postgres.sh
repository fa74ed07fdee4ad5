#!/usr/bin/env bash
# Stops the throwaway cluster started by start-postgres.sh (idempotent).
#
#   .ci/stop-postgres.sh [--purge] [DATA_DIR]    --purge also deletes the data dir
set -euo pipefail

PURGE=0
if [[ "${1:-}" == "--purge" ]]; then
    PURGE=1
    shift
fi
DATA_DIR="${1:-${CCT_PG_DATA:-/tmp/cct-pg}}"

log() { echo "stop-postgres: $*" >&2; }

if [[ -s "$DATA_DIR/PG_VERSION" ]]; then
    BIN="/usr/lib/postgresql/$(cat "$DATA_DIR/PG_VERSION")/bin"
    [[ -x "$BIN/pg_ctl" ]] || BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
    if [[ $EUID -eq 0 ]]; then
        as_owner() { runuser -u "$(stat -c %U "$DATA_DIR")" -- "$@"; }
    else
        as_owner() { "$@"; }
    fi
    if as_owner "$BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >&2
    else
        log "not running"
    fi
else
    log "no cluster in $DATA_DIR"
fi

if [[ $PURGE -eq 1 && -d "$DATA_DIR" ]]; then
    rm -rf -- "$DATA_DIR"
    log "removed $DATA_DIR"
fi
