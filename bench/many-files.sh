#!/usr/bin/env bash
# Many small transcripts (issue 18.3): time and peak RSS of cc-telemetry on a history of FOLDERS x SESSIONS one-line
# sessions, with the launcher's 128 MiB heap (the heap hooks and the daemon use too).
#
# Usage: bench/many-files.sh [--folders 200] [--sessions 2500] [--runs 3] [--dir /tmp/cct-bench]
#
# Cases, in this order on one home: cold `sync` (everything new), warm `sync` x runs (nothing new: the quick path),
# `sync` after one line was appended to one file x runs (the usual path: every file walked and its checkpoint
# looked up), `doctor`, `status`, `report daily --no-sync`. Wall time and peak RSS from GNU time; the load average
# is printed with the figures (the machine is shared). No assertion: it prints figures and exits 0.
#
# Environment: CCT_CMD (our command; default ./cc-telemetry), JAVA (java for the tree generator).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=/tmp/cct-bench
FOLDERS=200
SESSIONS=2500
RUNS=3
JAVA=${JAVA:-java}
while [ $# -gt 0 ]; do
  case "$1" in
    --folders) FOLDERS=$2; shift ;;
    --sessions) SESSIONS=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --dir) BENCH_DIR=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '%s\n' "$*" >&2; }
/usr/bin/time -f '%e' true >/dev/null 2>&1 || { say "need GNU time at /usr/bin/time (apt-get install time)"; exit 2; }
CCT=()
if [ -n "${CCT_CMD:-}" ]; then read -r -a CCT <<<"$CCT_CMD"; else CCT=("$REPO/cc-telemetry"); fi
GEN_CP=$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes
if [ ! -f "$REPO/telemetry-core/target/test-classes/dev/cctelemetry/testing/ManySessionsTree.class" ]; then
  say "building the tree generator (telemetry-core test classes)"
  (cd "$REPO" && ./mvnw -q -B -DskipTests -pl telemetry-core package) >&2 || exit 2
fi

TREE=$BENCH_DIR/many-${FOLDERS}x${SESSIONS}
mkdir -p "$BENCH_DIR"
if [ ! -f "$TREE.done" ]; then
  rm -rf "$TREE"
  say "generating $TREE ($FOLDERS folders x $SESSIONS one-line sessions)"
  "$JAVA" -cp "$GEN_CP" dev.cctelemetry.testing.ManySessionsTree "$TREE" "$FOLDERS" "$SESSIONS" >/dev/null || exit 2
  touch "$TREE.done"
fi
FILES=$((FOLDERS * SESSIONS))
HOME_DIR=$(mktemp -d "$BENCH_DIR/many-home.XXXXXX")
OUT=$BENCH_DIR/many-out.txt

# The launcher's first sync after a build writes its class-data archive: made on a small tree, untimed.
small=$(mktemp -d "$BENCH_DIR/many-small.XXXXXX")
"$JAVA" -cp "$GEN_CP" dev.cctelemetry.testing.ManySessionsTree "$small" 2 5 >/dev/null
env CC_TELEMETRY_HOME="$(mktemp -d "$BENCH_DIR/many-home.XXXXXX")" "${CCT[@]}" sync --claude-dir "$small" >/dev/null 2>&1

# run <label> <args...>: prints one table row (wall, peak RSS, exit code, load, the command's first line).
run() {
  local label=$1; shift
  local tf
  tf=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$tf" env CC_TELEMETRY_HOME="$HOME_DIR" CLAUDE_CONFIG_DIR="$TREE" "${CCT[@]}" "$@" \
    >"$OUT" 2>&1
  local rc=$?
  read -r wall rss < <(tail -n 1 "$tf")   # GNU time puts "Command exited with …" first on a non-zero exit
  rm -f "$tf"
  printf '| %s | %s s | %d MiB | %d | %s | %s |\n' "$label" "$wall" $((rss / 1024)) "$rc" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$(head -n 1 "$OUT" | cut -c1-110)"
}

echo "### $FILES transcripts ($FOLDERS folders x $SESSIONS one-line sessions), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Ours: \`${CCT[*]//$REPO\//}\` (launcher: 128 MiB heap, serial GC). Peak RSS is the whole process."
echo
echo "| case | wall | peak RSS | exit | load (1 min) | first line printed |"
echo "|---|---|---|---|---|---|"
run "cold sync" sync
for i in $(seq 1 "$RUNS"); do run "warm sync $i (quick path)" sync; done
FIRST=$(find "$TREE/projects" -name '*.jsonl' | sort | head -n 1)
cp "$FIRST" "$BENCH_DIR/many-first.bak"
for i in $(seq 1 "$RUNS"); do
  head -n 1 "$BENCH_DIR/many-first.bak" | sed "s/\"msg_/\"msg_more$i-/; s/\"req_/\"req_more$i-/" >>"$FIRST"
  run "sync after one appended line $i" sync
done
run "doctor" doctor
run "status" status
run "report daily --no-sync" report daily --no-sync
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
cp "$BENCH_DIR/many-first.bak" "$FIRST"   # the tree stays as generated for the next run
rm -rf "$HOME_DIR" "$small"
