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

# shellcheck source=lib/web-test-classpath.sh
. "$REPO/bench/lib/web-test-classpath.sh"
CP=$(web_test_classpath "$DIR") || exit 2
QUIET=-Dlogback.configurationFile=$REPO/telemetry-web/src/test/resources/logback-test.xml

if [ ! -f "$HOME_DIR/telemetry.db" ]; then
  echo "filling $HOME_DIR/telemetry.db with $RECORDS records"
  "$JAVA" -Xmx1g "$QUIET" -cp "$CP" dev.cctelemetry.web.bench.LedgerFill "$HOME_DIR/telemetry.db" "$RECORDS" 42 2>/dev/null \
    || { echo "LedgerFill failed" >&2; exit 2; }
fi
echo "ledger: $(du -h "$HOME_DIR/telemetry.db" | cut -f1)"

# shellcheck source=lib/dashboard-calls.sh
. "$REPO/bench/lib/dashboard-calls.sh"
dashboard_calls "$HOME_DIR" "$DIR" "$ROUNDS" "$CP" || exit 2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$E2E" -gt 0 ]; then
  (cd "$REPO" && ./mvnw -B -o -pl telemetry-cli -am verify -Dit.test=DashboardEndToEndIT -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dcct.dashboard.sessions="$E2E") \
    >"$DIR/e2e.log" 2>&1
  grep 'dashboard:' "$DIR/e2e.log" || { echo "the end-to-end run failed; see $DIR/e2e.log"; }
fi
exit 0
