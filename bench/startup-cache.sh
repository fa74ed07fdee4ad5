#!/usr/bin/env bash
# Which start-up cache suits a JDK 25+ best (issue 16.3, 16.6): the same jar started directly with the launcher's
# JVM options under four caches, interleaved: the launcher's AOT cache (-XX:AOTCache, classes loaded and linked
# ahead of time), an AOT cache made with -XX:-AOTClassLinking, a dynamic class-data archive (what JDK 17 uses), and
# none. Each cache is made here by the launcher's training run (ArchiveTraining) in a throwaway home; the commands
# run over a 100-record ledger. CPU (user+sys) and wall medians from GNU time, with the load. No assertion.
#
# Usage: bench/startup-cache.sh [--runs N] [--jdk JAVA_HOME] [--dir /tmp/cct-startup-cache]
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=7
JDK=$(bash "$REPO/.ci/jdk25-home.sh" 2>/dev/null || true)
DIR=/tmp/cct-startup-cache
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --jdk) JDK=$2; shift ;;
    --dir) DIR=$2; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '%s\n' "$*" >&2; }
JAVA=$JDK/bin/java
[ -x "$JAVA" ] || { say "no JDK 25+ (give --jdk JAVA_HOME)"; exit 2; }
JAR=$REPO/telemetry-cli/target/cc-telemetry.jar
[ -f "$JAR" ] || { say "build first: ./mvnw -B -DskipTests package"; exit 2; }
/usr/bin/time -f '%e' true >/dev/null 2>&1 || { say "need GNU time at /usr/bin/time (apt-get install time)"; exit 2; }

# The launcher's options (cc-telemetry), so that each cache is made and used as the launcher would.
OPTS=$(sed -n '/^OPTS="/,/"$/p' "$REPO/cc-telemetry" | tr -d '\\\n' | sed 's/^OPTS="//; s/"$//')
OPTS="$OPTS -Xlog:aot*=off:stderr"

rm -rf "$DIR"
mkdir -p "$DIR/user" "$DIR/train-aot" "$DIR/train-nolink" "$DIR/train-dyn"
export HOME=$DIR/user CC_TELEMETRY_HOME=$DIR/home CLAUDE_CONFIG_DIR=$DIR/claude TZ=UTC
unset CC_TELEMETRY_JAVA_OPTS JAVA_TOOL_OPTIONS
java -cp "$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes" \
  dev.cctelemetry.testing.ManySessionsTree "$CLAUDE_CONFIG_DIR" 4 25 >/dev/null \
  || { say "cannot generate the tree (telemetry-core test classes missing?)"; exit 2; }
# shellcheck disable=SC2086
"$JAVA" $OPTS -cp "$JAR" dev.cctelemetry.cli.Main sync >/dev/null || { say "first sync failed"; exit 2; }

train() {  # $1 = option that writes the cache, $2 = its training home
  # shellcheck disable=SC2086
  "$JAVA" $1 $OPTS -cp "$JAR" dev.cctelemetry.cli.ArchiveTraining "$2" >/dev/null 2>&1
}
train "-XX:AOTCacheOutput=$DIR/linked.aot" "$DIR/train-aot" || { say "cannot make the AOT cache"; exit 2; }
train "-XX:AOTCacheOutput=$DIR/nolink.aot -XX:-AOTClassLinking" "$DIR/train-nolink" \
  || { say "cannot make the unlinked AOT cache"; exit 2; }
train "-XX:ArchiveClassesAtExit=$DIR/dynamic.jsa" "$DIR/train-dyn" || { say "cannot make the archive"; exit 2; }

VARIANTS=(aot nolink dynamic none)
cache() {
  case $1 in
    aot) printf '%s' "-XX:AOTCache=$DIR/linked.aot" ;;
    nolink) printf '%s' "-XX:AOTCache=$DIR/nolink.aot" ;;
    dynamic) printf '%s' "-XX:SharedArchiveFile=$DIR/dynamic.jsa -Xshare:auto" ;;
    none) printf '%s' "-Xshare:auto" ;;
  esac
}
CASES=("--version" "status" "report daily --no-sync")
RES=$DIR/results
: >"$RES"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq 1 "$RUNS"); do
  for c in "${CASES[@]}"; do
    for v in "${VARIANTS[@]}"; do
      read -r -a words <<<"$c"
      # shellcheck disable=SC2046,SC2086
      /usr/bin/time -f '%e %U %S' -o "$DIR/t" "$JAVA" $(cache "$v") $OPTS -cp "$JAR" dev.cctelemetry.cli.Main \
        "${words[@]}" >/dev/null 2>"$DIR/err"
      [ -s "$DIR/err" ] && { say "stderr of $c with $v:"; head -2 "$DIR/err" >&2; }
      printf '%s\t%s\t%s\n' "$c" "$v" "$(tail -n 1 "$DIR/t")" >>"$RES"
    done
  done
done
echo "JDK start-up caches, $("$JAVA" -version 2>&1 | head -1), $RUNS interleaved rounds, $(date -u '+%Y-%m-%d %H:%M UTC'),"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | cache | wall median | CPU user+sys median (min) |"
echo "|---|---|---|---|"
for c in "${CASES[@]}"; do
  for v in "${VARIANTS[@]}"; do
    awk -F'\t' -v c="$c" -v v="$v" '
      $1 == c && $2 == v { split($3, f, " "); n++; w[n] = f[1]; u[n] = f[2] + f[3] }
      function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      }
      END { if (n) printf "| %s | %s | %.0f ms | %.0f ms (%.0f) |\n", c, v, median(w, n) * 1000, median(u, n) * 1000, u[1] * 1000 }
    ' "$RES"
  done
done
