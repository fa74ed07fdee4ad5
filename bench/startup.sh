#!/usr/bin/env bash
# Fixed start-up of every command (issue 16.3), on each JDK (16.6): the launcher `./cc-telemetry` as a user runs it,
# whole process (shell, JVM, the command), over a 100-record ledger.
#
# Usage: bench/startup.sh [--runs N] [--jdks "JAVA_HOME ..."] [--launchers "PATH ..."] [--dir /tmp/cct-startup]
#
#   --runs       rounds (default 11); each round runs every case once, launchers, JDKs and commands interleaved
#   --jdks       JDK homes to compare (default: the JDK of `java` on the PATH, then Temurin 25 when installed)
#   --launchers  launcher scripts to compare (default: ./cc-telemetry); another build's is a checkout's launcher
#                with its jar in telemetry-cli/target/ (compare-jars.sh-style A/B); each launcher gets a home of
#                its own, synced by that build (builds of different ledger schemas cannot share one)
#
# Cases per JDK: `floor` (that JDK's `java -version` with the launcher's GC/JIT options: the JVM alone), then
# `--version`, `status`, `doctor`, `report daily --no-sync`. Each JDK's start-up archive is made first (the
# launcher's background training) and waited for: figures are the steady state, not the first run after a build.
# Wall time, CPU (user+sys) and peak RSS from GNU time; medians printed with the load average. No assertion.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=11
JDKS=""
LAUNCHERS=""
BENCH_DIR=/tmp/cct-startup
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --jdks) JDKS=$2; shift ;;
    --launchers) LAUNCHERS=$2; shift ;;
    --dir) BENCH_DIR=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '%s\n' "$*" >&2; }

if [ -z "$JDKS" ]; then
  JDKS=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  JDK25=$(bash "$REPO/.ci/jdk25-home.sh" 2>/dev/null) && JDKS="$JDKS $JDK25"
fi
LAUNCHERS=${LAUNCHERS:-$REPO/cc-telemetry}
/usr/bin/time -f '%e' true >/dev/null 2>&1 || { say "need GNU time at /usr/bin/time (apt-get install time)"; exit 2; }
JAR=$REPO/telemetry-cli/target/cc-telemetry.jar
GEN_CP=$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes
[ -f "$JAR" ] || { say "build first: ./mvnw -B -DskipTests package"; exit 2; }

rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR/user"
export HOME=$BENCH_DIR/user CLAUDE_CONFIG_DIR=$BENCH_DIR/claude TZ=UTC
unset CC_TELEMETRY_JAVA_OPTS JAVA_TOOL_OPTIONS
java -cp "$GEN_CP" dev.cctelemetry.testing.ManySessionsTree "$CLAUDE_CONFIG_DIR" 4 25 >/dev/null \
  || { say "cannot generate the tree (telemetry-core test classes missing?)"; exit 2; }
# Each launcher's own home, by its position in --launchers.
home_of() {
  local i=0 x
  for x in $LAUNCHERS; do
    i=$((i + 1))
    [ "$x" = "$1" ] && { printf '%s/home-%s\n' "$BENCH_DIR" "$i"; return; }
  done
}

for l in $LAUNCHERS; do
  CC_TELEMETRY_HOME=$(home_of "$l") "$l" sync >/dev/null || { say "first sync with $l failed"; exit 2; }
  export CC_TELEMETRY_HOME=$(home_of "$l")
  for jdk in $JDKS; do
    [ -x "$jdk/bin/java" ] || { say "no java in $jdk"; exit 2; }
    # --version starts the background training; older launchers made their archive from the first sync or report.
    JAVA_HOME=$jdk "$l" --version >/dev/null
    JAVA_HOME=$jdk "$l" report daily --no-sync >/dev/null
  done
  for _ in $(seq 1 600); do  # wait for every background maker
    ls "$(dirname "$l")"/telemetry-cli/target/*.making >/dev/null 2>&1 || break
    sleep 1
  done
  say "archives of $l: $(cd "$(dirname "$l")/telemetry-cli/target" && ls ./*.jsa ./*.aot 2>/dev/null | tr '\n' ' ')"
done

CASES=("floor" "--version" "status" "doctor" "report daily --no-sync")
RES=$BENCH_DIR/results
: >"$RES"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$RUNS"); do
  for jdk in $JDKS; do
    for c in "${CASES[@]}"; do
      for l in $LAUNCHERS; do
        if [ "$c" = floor ]; then
          [ "$l" = "${LAUNCHERS%% *}" ] || continue
          cmd=("$jdk/bin/java" -Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version)
        else
          read -r -a words <<<"$c"
          cmd=("$l" "${words[@]}")
        fi
        CC_TELEMETRY_HOME=$(home_of "$l") JAVA_HOME=$jdk /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/t" "${cmd[@]}" >/dev/null 2>"$BENCH_DIR/err"
        if [ "$c" != floor ] && [ -s "$BENCH_DIR/err" ]; then say "stderr of $l $c on $jdk:"; head -3 "$BENCH_DIR/err" >&2; fi
        name=$c; [ "$c" = floor ] || name="$(basename "$(dirname "$l")") $c"
        printf '%s\t%s\t%s\n' "$(basename "$jdk")" "$name" "$(tail -n 1 "$BENCH_DIR/t")" >>"$RES"
      done
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "Start-up, $RUNS interleaved rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $load_before, after: $load_after"
echo
echo "| JDK | launcher, command | wall median (min–max) | CPU user+sys median | peak RSS |"
echo "|---|---|---|---|---|"
for jdk in $JDKS; do
  cut -f2 "$RES" | awk '!seen[$0]++' | while read -r c; do
    awk -F'\t' -v j="$(basename "$jdk")" -v c="$c" '
      $1 == j && $2 == c { split($3, f, " "); n++; w[n] = f[1]; u[n] = f[2] + f[3]; if (f[4] > m) m = f[4] }
      function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      }
      END {
        if (n == 0) exit
        lo = w[1]; hi = w[1]; for (i = 1; i <= n; i++) { if (w[i] < lo) lo = w[i]; if (w[i] > hi) hi = w[i] }
        printf "| %s | %s | %.0f ms (%.0f–%.0f) | %.0f ms | %.0f MiB |\n", j, c, median(w, n) * 1000, lo * 1000, hi * 1000,
          median(u, n) * 1000, m / 1024
      }' "$RES"
  done
done
