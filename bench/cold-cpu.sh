#!/usr/bin/env bash
# Where a cold sync's CPU goes, thread by thread: prints figures, asserts nothing, exits 0.
#
# Usage: bench/cold-cpu.sh [--size MIB] [--runs N] [--dir DIR] [--jar JAR]...
#
# Runs `sync` of a generated --size MiB tree (default 200) into a fresh home --runs times (default 3) under
# `perf record` (cpu-clock, 1,000 samples per CPU-second: one sample is one millisecond of CPU) and sums the
# samples per thread: main (start-up, then waiting), cct-ingest (reading and parsing), cct-commit (SQLite: the
# JDBC binding and SQLite's own work, told apart by the shared object the sample is in), the JIT compiler, the
# VM thread (garbage collection), cct-warmup and the rest. The JVM runs as the launcher runs it (-cp and the main
# class, the launcher's options, its own class-data archive made by an untimed first sync). ccusage's CPU on the
# same tree is printed beside it. Medians of the runs, in milliseconds, with the load average. With --jar given
# twice or more (an A/B of builds), the jars run interleaved, one after another in each run. The wall time is
# taken under perf, which adds to it: run-bench.sh is the wall-time comparison.
# Needs perf (Debian: linux-perf), GNU time, the tree generator (telemetry-core test classes) and the jar.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZE=200; RUNS=3; DIR=; JARS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --jar) JARS+=("$(realpath "$2")"); shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
command -v perf >/dev/null 2>&1 || { echo "needs perf (apt-get install linux-perf)" >&2; exit 2; }
[ ${#JARS[@]} -gt 0 ] || JARS=("$REPO/telemetry-cli/target/cc-telemetry.jar")
for jar in "${JARS[@]}"; do
  [ -f "$jar" ] || { echo "no jar at $jar (./mvnw -B -q -DskipTests package)" >&2; exit 2; }
done
JAVA=${JAVA:-java}
DIR=${DIR:-$(mktemp -d /tmp/cct-cold-cpu.XXXXXX)}
mkdir -p "$DIR"
. "$REPO/bench/lib/generated-tree.sh"
TREE=$(generated_tree "$DIR" "$SIZE") || exit 2
CCUSAGE=${CCUSAGE_BIN:-$REPO/.tools/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage}

OPTS=(-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -Djdk.nio.maxCachedBufferSize=262144
  --enable-native-access=ALL-UNNAMED -Xlog:disable -Xlog:all=error:stderr)
for j in "${!JARS[@]}"; do
  rm -rf "$DIR/archive-home" "$DIR/cds-$j.jsa"
  CC_TELEMETRY_HOME=$DIR/archive-home "$JAVA" "-XX:ArchiveClassesAtExit=$DIR/cds-$j.jsa" -Xshare:auto "${OPTS[@]}" \
    -cp "${JARS[$j]}" dev.cctelemetry.cli.Main sync --claude-dir "$TREE" >/dev/null 2>&1
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print a[int((NR + 1) / 2)]}'; }
R=$DIR/results; rm -rf "$R"; mkdir -p "$R"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$RUNS"); do
 for j in "${!JARS[@]}"; do
  rm -rf "$DIR/home"
  CC_TELEMETRY_HOME=$DIR/home /usr/bin/time -f '%e %U %S' -o "$R/time" perf record -q -F 1000 -o "$R/perf.data" \
    "$JAVA" "-XX:SharedArchiveFile=$DIR/cds-$j.jsa" -Xshare:auto "${OPTS[@]}" -cp "${JARS[$j]}" dev.cctelemetry.cli.Main \
    sync --claude-dir "$TREE" >/dev/null 2>"$R/err"
  read -r wall user sys <"$R/time"
  echo "$wall" >>"$R/wall-$j"
  # samples per thread name and shared object ("overhead|samples|thread|object"), grouped
  perf report -i "$R/perf.data" --stdio -n -t '|' --sort comm,dso 2>/dev/null | awk -F'|' '
    /^#/ || NF < 4 { next }
    { comm = $3; sub(/ +$/, "", comm); dso = $4; n = $2 + 0
      if (comm == "java") g = (dso ~ /sqlite/ ? "main-sqlite" : "main")
      else if (comm ~ /^cct-ingest/) g = "reader"
      else if (comm ~ /^cct-commit/) g = (dso ~ /sqlite/ ? "commit-sqlite" : "commit-jvm")
      else if (comm ~ /Compiler/) g = "jit"; else if (comm ~ /VM Thread/) g = "gc"
      else if (comm ~ /^cct-warmup/) g = "warmup"; else g = "other"
      sum[g] += n }
    END { for (g in sum) print g, sum[g] }' >"$R/groups"
  for g in main main-sqlite reader commit-sqlite commit-jvm jit gc warmup other; do
    awk -v g="$g" '$1 == g {print $2; f = 1} END {if (!f) print 0}' "$R/groups" >>"$R/g-$j-$g"
  done
  awk '{s += $2} END {print s}' "$R/groups" >>"$R/cpu-$j"
 done
  if [ -x "$CCUSAGE" ]; then
    CLAUDE_CONFIG_DIR=$TREE /usr/bin/time -f '%e %U %S' -o "$R/ctime" "$CCUSAGE" claude session --json --offline \
      >/dev/null 2>&1
    read -r cwall cuser csys <"$R/ctime"
    echo "$cwall" >>"$R/cc-wall"
    awk -v u="$cuser" -v s="$csys" 'BEGIN {printf "%d\n", (u + s) * 1000}' >>"$R/cc-cpu"
  fi
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo "cold sync of $TREE ($SIZE MiB), $RUNS runs, load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
for j in "${!JARS[@]}"; do
  echo "${JARS[$j]}"
  echo "  wall under perf (s)           $(median <"$R/wall-$j")"
  echo "  CPU, all threads (ms)         $(median <"$R/cpu-$j")"
  for g in main main-sqlite reader commit-sqlite commit-jvm jit gc warmup other; do
    printf '    %-15s %s\n' "$g" "$(median <"$R/g-$j-$g")"
  done
done
if [ -f "$R/cc-cpu" ]; then
  echo "  ccusage session --offline: wall (s) $(median <"$R/cc-wall"), CPU (ms) $(median <"$R/cc-cpu")"
fi
echo "(main = JVM start, injector, command line, walk, then waiting; main-sqlite = SQLite on the main thread: ledger"
echo " creation, the last commit, the status line figures; reader = cct-ingest; commit-sqlite = SQLite's native code on"
echo " the committer; commit-jvm = its JDBC binding, Java and system calls; jit = C1 compiler; gc = VM thread)"
exit 0
