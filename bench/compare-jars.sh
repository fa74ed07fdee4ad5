#!/usr/bin/env bash
# Start-up and sync times of two builds side by side: prints figures, asserts nothing, exits 0.
#
# Usage: bench/compare-jars.sh OLD_JAR NEW_JAR [--runs N] [--size MIB] [--dir DIR]
#
# Each jar is launched as ./cc-telemetry launches it (-cp and the main class, its own class-data archive made by
# an untimed sync first, the launcher's JVM options). The cases run interleaved, old then new, --runs times
# (default 15), so machine noise hits both alike:
#   version   --version
#   status    status over a synced home
#   daily     report daily --no-sync --json over that home
#   warm      sync with nothing new (the quick path)
#   cold      sync of a --size MiB generated tree (default 50) into a fresh home
# Medians in milliseconds, with the load average before and after. Needs GNU date (%N) and the tree generator
# (telemetry-core test classes: ./mvnw -q -o -pl telemetry-core test-compile).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,16p' "$0"; exit 2; }
OLD=$(realpath "$1"); NEW=$(realpath "$2"); shift 2
RUNS=15; SIZE=50; DIR=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --size) SIZE=$2; shift ;;
    --dir) DIR=$2; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
JAVA=${JAVA:-java}
DIR=${DIR:-$(mktemp -d /tmp/cct-compare.XXXXXX)}
mkdir -p "$DIR"
. "$REPO/bench/lib/generated-tree.sh"
TREE=$(generated_tree "$DIR" "$SIZE") || exit 2

for v in old new; do
  jar=$OLD; [ $v = new ] && jar=$NEW
  # $DIR/run-old, $DIR/run-new: the launcher's command line for that jar, with its own class-data archive.
  cat >"$DIR/run-$v" <<SCRIPT
#!/bin/sh
exec "$JAVA" -XX:SharedArchiveFile=$DIR/$v.jsa -Xshare:auto -XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 \\
  -Djdk.nio.maxCachedBufferSize=262144 -Xlog:disable -Xlog:all=error:stderr -cp "$jar" dev.cctelemetry.cli.Main "\$@"
SCRIPT
  chmod +x "$DIR/run-$v"
  home=$DIR/archive-home-$v; rm -rf "$home"
  CC_TELEMETRY_HOME=$home "$JAVA" "-XX:ArchiveClassesAtExit=$DIR/$v.jsa" -Xshare:auto -XX:+UseSerialGC -Xmx128m \
    -XX:TieredStopAtLevel=1 -Xlog:disable -cp "$jar" dev.cctelemetry.cli.Main sync --claude-dir "$TREE" >/dev/null 2>&1
  # The synced home the status, daily and warm cases read.
  rm -rf "$DIR/home-$v"; cp -a "$home" "$DIR/home-$v"
done

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
timed() { # timed FILE CMD...: appends the wall time in ms
  local f=$1; shift
  local t0; t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  ms "$t0" >>"$f"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
R=$DIR/results; rm -rf "$R"; mkdir -p "$R"
for run in $(seq 1 "$RUNS"); do
  for v in old new; do
    cmd=$DIR/run-$v
    timed "$R/version-$v" "$cmd" --version
    timed "$R/status-$v" env CC_TELEMETRY_HOME="$DIR/home-$v" "$cmd" status
    timed "$R/daily-$v" env CC_TELEMETRY_HOME="$DIR/home-$v" "$cmd" report daily --no-sync --json
    timed "$R/warm-$v" env CC_TELEMETRY_HOME="$DIR/home-$v" "$cmd" sync --claude-dir "$TREE"
    if [ $((run % 3)) -eq 1 ]; then
      rm -rf "$DIR/cold-$v"
      timed "$R/cold-$v" env CC_TELEMETRY_HOME="$DIR/cold-$v" "$cmd" sync --claude-dir "$TREE"
    fi
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "compare-jars: $RUNS runs (cold: every third), ${SIZE} MiB tree, $(nproc) CPUs, load before $LOAD_BEFORE, after $LOAD_AFTER"
echo "old: $OLD"
echo "new: $NEW"
printf '%-8s %10s %10s %8s\n' case old-ms new-ms new/old
for c in version status daily warm cold; do
  o=$(median "$R/$c-old"); n=$(median "$R/$c-new")
  printf '%-8s %10s %10s %8s\n' "$c" "$o" "$n" "$(awk -v o="$o" -v n="$n" 'BEGIN { printf "%.2f", n / o }')"
done
