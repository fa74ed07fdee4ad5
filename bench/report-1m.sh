#!/usr/bin/env bash
# Report times over a big ledger, two builds side by side: prints figures, asserts nothing, exits 0.
#
# Usage: bench/report-1m.sh OLD_JAR NEW_JAR [--runs N] [--sizes "100000 1000000"] [--dir DIR]
#        [--kinds "daily sessions"] [--table]
#
# For each size, a ledger of that many records is generated (telemetry-store-jdbc's LedgerFiller, through the
# ledger's own commit, with OLD_JAR's classes and so its schema; the fill time is printed) and copied for NEW_JAR,
# which upgrades it in an untimed first run (the upgrade's time is printed). Then `--version` and every report kind
# (--kinds: only those) `report KIND --no-sync --json` (--table: the table) run, whole process, each jar launched as
# ./cc-telemetry launches it (-cp and the main class, the launcher's JVM options, its own class-data archive made by
# an untimed first run), interleaved old then new, --runs times (default 5). Median wall time and CPU time
# (user+sys) in ms, the report's wall time less `--version`'s (the query's share), peak RSS (MiB, /usr/bin/time),
# load average before and after. Needs GNU date and time, sqlite3, and the store's test classes (./mvnw -q -o -pl
# telemetry-store-jdbc -am test-compile; or a copy of them named by TEST_CLASSES=DIR).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,17p' "$0"; exit 2; }
OLD=$(realpath "$1"); NEW=$(realpath "$2"); shift 2
RUNS=5; SIZES="100000 1000000"; DIR=; ONLY=; FORMAT=--json
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --kinds) ONLY=$2; shift ;;
    --table) FORMAT= ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
JAVA=${JAVA:-java}
# LedgerFiller's classes; a copy may be named, so that a build running meanwhile does not pull them away.
TEST_CLASSES=${TEST_CLASSES:-$REPO/telemetry-store-jdbc/target/test-classes}
DIR=${DIR:-$(mktemp -d /tmp/cct-report-1m.XXXXXX)}
mkdir -p "$DIR"
KINDS="--version ${ONLY:-daily weekly monthly sessions projects models blocks}"
OPTS="-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -Djdk.nio.maxCachedBufferSize=262144 -Xlog:disable -Xlog:all=error:stderr"

for v in old new; do
  jar=$OLD; [ $v = new ] && jar=$NEW
  cat >"$DIR/run-$v" <<SCRIPT
#!/bin/sh
exec "$JAVA" -XX:SharedArchiveFile=$DIR/$v.jsa -Xshare:auto $OPTS -cp "$jar" dev.cctelemetry.cli.Main "\$@"
SCRIPT
  chmod +x "$DIR/run-$v"
done

# The old build's schema version: what it writes into an empty ledger.
OLD_VERSION=$(home=$DIR/probe-old; rm -rf "$home"; CC_TELEMETRY_HOME=$home "$JAVA" $OPTS -cp "$OLD" dev.cctelemetry.cli.Main \
  report daily --no-sync --json >/dev/null 2>&1; sqlite3 "$home/telemetry.db" 'PRAGMA user_version')

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
R=$DIR/results; rm -rf "$R"; mkdir -p "$R"
for size in $SIZES; do
  for v in old new; do
    home=$DIR/home-$v-$size
    if [ ! -f "$home/telemetry.db" ]; then
      rm -rf "$home"; mkdir -p "$home"
      # A first run writes the home's config; the ledger is then replaced by the generated one.
      CC_TELEMETRY_HOME=$home "$DIR/run-$v" report daily --no-sync --json >/dev/null 2>&1
      if [ $v = new ]; then
        rm -f "$home"/telemetry.db*
        t0=$(date +%s%N)
        "$JAVA" -cp "$OLD:$TEST_CLASSES" dev.cctelemetry.store.sqlite.LedgerFiller \
          "$DIR/home-old-$size/telemetry.db.new" "$size" 42 >&2
        echo "fill $size records through old's commit: $(ms "$t0") ms" >&2
        cp "$DIR/home-old-$size/telemetry.db.new" "$home/telemetry.db"
        cp "$home/config.json" "$DIR/home-old-$size/config.json" # one machine identity for both
        t0=$(date +%s%N)
        CC_TELEMETRY_HOME=$home "$DIR/run-$v" report daily --no-sync --json >/dev/null 2>&1
        echo "new's first open (schema upgrade) of $size records: $(ms "$t0") ms" >&2
      fi
    fi
  done
  old_db=$DIR/home-old-$size/telemetry.db
  if [ -f "$old_db.new" ]; then
    rm -f "$old_db"*-wal "$old_db"*-shm "$old_db-checkpoints"
    mv "$old_db.new" "$old_db"
  fi
  for v in old new; do # the class-data archives, and a warm page cache
    [ -f "$DIR/$v.jsa" ] || CC_TELEMETRY_HOME=$DIR/home-$v-$size "$JAVA" "-XX:ArchiveClassesAtExit=$DIR/$v.jsa" $OPTS \
      -cp "$([ $v = old ] && echo "$OLD" || echo "$NEW")" dev.cctelemetry.cli.Main report daily --no-sync --json >/dev/null 2>&1
    cat "$DIR/home-$v-$size"/telemetry.db >/dev/null
  done
  for run in $(seq 1 "$RUNS"); do
    for kind in $KINDS; do
      for v in old new; do
        args="report $kind --no-sync $FORMAT"; [ "$kind" = --version ] && args=--version
        t0=$(date +%s%N)
        # shellcheck disable=SC2086
        CC_TELEMETRY_HOME=$DIR/home-$v-$size /usr/bin/time -f '%M %U %S' -o "$R/rss.tmp" "$DIR/run-$v" $args \
          >"$R/out-$v-$kind-$size.json" 2>/dev/null
        ms "$t0" >>"$R/$kind-$size-$v"
        read -r kb user sys < <(tail -n 1 "$R/rss.tmp") # after "Command exited with non-zero status", if any
        echo $(( kb / 1024 )) >>"$R/$kind-$size-$v.rss"
        awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >>"$R/$kind-$size-$v.cpu"
      done
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo "report-1m: median of $RUNS runs, $(nproc) CPUs, load before $LOAD_BEFORE, after $LOAD_AFTER"
echo "old: $OLD (ledger schema $OLD_VERSION)"
echo "new: $NEW"
printf '%-9s %9s %7s %7s %7s %7s %7s %8s %8s %7s %7s %s\n' kind records old-ms new-ms new/old old-cpu new-cpu \
  old-query new-query old-MiB new-MiB json
for size in $SIZES; do
  vo=$(median "$R/--version-$size-old"); vn=$(median "$R/--version-$size-new")
  for kind in $KINDS; do
    o=$(median "$R/$kind-$size-old"); n=$(median "$R/$kind-$size-new")
    same=$(cmp -s "$R/out-old-$kind-$size.json" "$R/out-new-$kind-$size.json" && echo same || echo DIFFERS)
    [ "$kind" = --version ] && same=-
    printf '%-9s %9s %7s %7s %7s %7s %7s %8s %8s %7s %7s %s\n' "$kind" "$size" "$o" "$n" \
      "$(awk -v o="$o" -v n="$n" 'BEGIN { printf "%.2f", n / o }')" \
      "$(median "$R/$kind-$size-old.cpu")" "$(median "$R/$kind-$size-new.cpu")" $((o - vo)) $((n - vn)) \
      "$(median "$R/$kind-$size-old.rss")" "$(median "$R/$kind-$size-new.rss")" "$same"
  done
done
