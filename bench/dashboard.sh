#!/usr/bin/env bash
# Dashboard benchmark: prints figures, asserts nothing, exits 0.
#
# Usage: bench/dashboard.sh [--records N] [--rounds N] [--dir DIR] [--e2e N]
#
#   1. A local ledger of --records generated records (default 1,000,000; LedgerFill: sessions of 20-400 requests
#      over a year, 40 projects, 6 models), written once through the ledger's commit and reused from --dir.
#   2. `cc-telemetry dashboard --no-open` over it, started by the launcher (its heap and JIT options, as a user
#      runs it), then DashboardBench: every API call the page makes, p50/p95/max over --rounds rounds (default 20)
#      after a warm-up, and the first full page load of the Overview in headless Chromium (3 empty profiles).
#   3. The dashboard process's resident memory (VmRSS now, VmHWM peak) after the calls.
#   4. With --e2e N: DashboardEndToEndIT with N real Claude Code sessions (claude exit -> visible on the open page,
#      median); needs the Maven build.
#
# Prints the machine's load before and after. Needs the jar and the test classes built
# (./mvnw -o -q -DskipTests package), chromium and chromedriver. Linux only (/proc).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${JAVA:-java}
RECORDS=1000000
ROUNDS=20
E2E=0
DIR=

while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --e2e) E2E=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
DIR=${DIR:-/tmp/cct-dashboard-bench}
HOME_DIR=$DIR/home-$RECORDS
mkdir -p "$HOME_DIR"
echo "dashboard benchmark in $DIR ($(nproc) CPUs, $(uname -sr), $("$JAVA" -version 2>&1 | head -1))"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

CP_FILE=$DIR/classpath.txt
if [ ! -s "$CP_FILE" ]; then
  (cd "$REPO" && ./mvnw -q -B -o -pl telemetry-web -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test) >"$DIR/build.log" 2>&1 \
    || { echo "cannot build the web module's test classes; see $DIR/build.log" >&2; exit 2; }
fi
CP=$REPO/telemetry-web/target/test-classes:$REPO/telemetry-web/target/classes:$(cat "$CP_FILE")
QUIET=-Dlogback.configurationFile=$REPO/telemetry-web/src/test/resources/logback-test.xml

if [ ! -f "$HOME_DIR/telemetry.db" ]; then
  echo "filling $HOME_DIR/telemetry.db with $RECORDS records"
  "$JAVA" -Xmx1g "$QUIET" -cp "$CP" dev.cctelemetry.web.bench.LedgerFill "$HOME_DIR/telemetry.db" "$RECORDS" 42 2>/dev/null \
    || { echo "LedgerFill failed" >&2; exit 2; }
fi
echo "ledger: $(du -h "$HOME_DIR/telemetry.db" | cut -f1)"

OUT=$DIR/dashboard.out
# The launcher builds the jar first when the sources are newer: not part of the start being timed.
CC_TELEMETRY_HOME=$HOME_DIR "$REPO/cc-telemetry" --version >/dev/null 2>"$DIR/build-jar.log" \
  || { echo "cannot build or run the jar; see $DIR/build-jar.log" >&2; exit 2; }
CC_TELEMETRY_HOME=$HOME_DIR DISPLAY= WAYLAND_DISPLAY= "$REPO/cc-telemetry" dashboard --no-open >"$OUT" 2>"$DIR/dashboard.err" &
PID=$!
for _ in $(seq 1 600); do [ "$(wc -l <"$OUT")" -ge 2 ] && break; sleep 0.2; done
URL=$(head -n1 "$OUT")
[ -n "$URL" ] || { echo "the dashboard printed no URL:" >&2; cat "$DIR/dashboard.err" >&2; kill "$PID"; exit 2; }
# The launcher execs java: the pid is the JVM's.
echo "dashboard pid $PID at ${URL%%\?*}"
"$JAVA" "$QUIET" -cp "$CP" dev.cctelemetry.web.bench.DashboardBench "$URL" "$ROUNDS" 2>/dev/null
echo "dashboard RSS: $(awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' /proc/$PID/status)"
kill -TERM "$PID"; wait "$PID" 2>/dev/null
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$E2E" -gt 0 ]; then
  (cd "$REPO" && ./mvnw -B -o -pl telemetry-cli -am verify -Dit.test=DashboardEndToEndIT -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dcct.dashboard.sessions="$E2E") \
    >"$DIR/e2e.log" 2>&1
  grep 'dashboard:' "$DIR/e2e.log" || { echo "the end-to-end run failed; see $DIR/e2e.log"; }
fi
exit 0
