#!/usr/bin/env bash
# Remote dashboard benchmark: prints figures, asserts nothing, exits 0.
#
# Usage: bench/dashboard-remote.sh [--records N] [--machines N] [--rounds N] [--dir DIR] [--refill] [--fill-only]
#
#   1. A schema bench_remote_<records>_<machines> in the throwaway PostgreSQL (CCT_PG_URL, CCT_PG_USER,
#      CCT_PG_PASSWORD; defaults: .ci/start-postgres.sh's server), created by cc-telemetry's own migration
#      (`config set-store --schema`), then filled once by bench/lib/remote-fill.sql: --records generated records
#      (default 10,000,000; sessions of 20-400 requests over a year, 40 projects, 6 models) spread over
#      --machines machines (default 50), inserted in SQL in chunks of ~1M; the schema's triggers keep its summary
#      as in a push. Reused by later runs (--refill drops and fills it again); a schema filled by an older build
#      is brought to the current version by the next run's `config set-store` (timed: the migration sums it).
#   2. `cc-telemetry dashboard --remote --no-open` from the built jar (as a user runs it), then DashboardBench
#      --api-only: every API call the page makes, p50/p95/max over --rounds rounds (default 10) after a warm-up.
#      --fill-only stops after the fill.
#   3. The dashboard process's resident memory after the calls; the schema's sizes.
#
# Prints the machine's load before and after. Needs psql, the jar and telemetry-web's test classes (built when
# missing). Linux only (/proc).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${JAVA:-java}
RECORDS=10000000
MACHINES=50
ROUNDS=10
DIR=
REFILL=0
FILL_ONLY=0

while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=$2; shift ;;
    --machines) MACHINES=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --refill) REFILL=1 ;;
    --fill-only) FILL_ONLY=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
PG_URL=${CCT_PG_URL:-jdbc:postgresql://127.0.0.1:55432/cct}
export CCT_BENCH_PG_PW=${CCT_PG_PASSWORD:-cct-test-secret}
PG_USER=${CCT_PG_USER:-cct}
# psql takes the JDBC URL's host, port and database.
HOSTPORTDB=${PG_URL#jdbc:postgresql://}
HOSTPORTDB=${HOSTPORTDB%%\?*}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "postgresql://$PG_USER@$HOSTPORTDB")
export PGPASSWORD=$CCT_BENCH_PG_PW
SCHEMA=bench_remote_${RECORDS}_${MACHINES}
DIR=${DIR:-/tmp/cct-remote-bench}
HOME_DIR=$DIR/home-$SCHEMA
mkdir -p "$HOME_DIR"
echo "remote dashboard benchmark: schema $SCHEMA at ${HOSTPORTDB} ($(nproc) CPUs, $(uname -sr),"\
  "$("$JAVA" -version 2>&1 | head -1), $("${PSQL[@]}" -tAc 'SHOW server_version'))"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck source=lib/web-test-classpath.sh
. "$REPO/bench/lib/web-test-classpath.sh"
CP=$(web_test_classpath "$DIR") || exit 2
QUIET=-Dlogback.configurationFile=$REPO/telemetry-web/src/test/resources/logback-test.xml

filled() {
  "${PSQL[@]}" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$SCHEMA'
    AND table_name = 'bench_filled'"
}
# Points the bench's home at the schema; the first time, this build's migration creates the schema.
set_store() {
  CC_TELEMETRY_HOME=$HOME_DIR "$REPO/cc-telemetry" config set-store "$PG_URL" --user "$PG_USER" \
    --password-env CCT_BENCH_PG_PW --schema "$SCHEMA" >"$DIR/set-store.log" 2>&1 \
    || { echo "config set-store failed; see $DIR/set-store.log" >&2; return 2; }
}
if [ "$REFILL" = 1 ]; then
  "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" || exit 2
fi
if [ "$(filled)" != 1 ]; then
  "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" || exit 2
  rm -f "$HOME_DIR/config.json"
  # The schema as this build's migration makes it (set-store connects and migrates).
  set_store || exit 2
  echo "filling $SCHEMA with $RECORDS records from $MACHINES machines"
  t0=$(date +%s.%N)
  "${PSQL[@]}" -v schema="$SCHEMA" -v records="$RECORDS" -v machines="$MACHINES" -f "$REPO/bench/lib/remote-fill.sql" \
    >"$DIR/fill.log" 2>&1 || { echo "the fill failed; see $DIR/fill.log" >&2; exit 2; }
  "${PSQL[@]}" -c "CREATE TABLE $SCHEMA.bench_filled AS SELECT now() AS at" || exit 2
  echo "filled in $(echo "$(date +%s.%N) - $t0" | bc) s"
else
  # Migrates a schema filled by an older build (timed: the migration sums the stored records once).
  t0=$(date +%s.%N)
  set_store || exit 2
  echo "config set-store (connects; migrates a schema of an older build) in $(echo "$(date +%s.%N) - $t0" | bc) s,"\
    "schema version $("${PSQL[@]}" -tAc "SELECT max(version) FROM $SCHEMA.cct_schema")"
fi
[ "$FILL_ONLY" = 1 ] && exit 0

# shellcheck source=lib/dashboard-calls.sh
. "$REPO/bench/lib/dashboard-calls.sh"
DASHBOARD_BENCH_ARGS=--api-only dashboard_calls "$HOME_DIR" "$DIR" "$ROUNDS" "$CP" --remote || exit 2
"${PSQL[@]}" -tAc "SELECT 'schema: ' || string_agg(format('%s %s rows %s', c.relname, c.reltuples::bigint,
    pg_size_pretty(pg_total_relation_size(c.oid))), ', ' ORDER BY c.relname) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$SCHEMA' AND c.relkind = 'r'"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
