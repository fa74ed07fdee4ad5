#!/usr/bin/env bash
# The alerts' cost on the hook path: whole `hook-run` worker processes of several builds, interleaved, wall and CPU
# (user+sys). Prints figures, asserts nothing, exits 0.
#
# Usage: bench/hook-alerts.sh [--runs N] [--size MIB] [--dir DIR] LABEL=JAR [LABEL=JAR ...]
#   e.g. bench/hook-alerts.sh noalerts=/tmp/noalerts.jar before=/tmp/main.jar after=telemetry-cli/target/cc-telemetry.jar
#
# Each jar runs as the hook scripts start the worker (its own class-data archive trained on a sync, as setup-hooks
# makes it; -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m), `hook-run --event session-end --spool FILE` after
# one assistant turn is appended to a session inside a --size MiB generated history (default 50, synced first,
# untimed; every jar and case has a home of its own, copied from one synced home). Cases:
#   server   default alert settings, no desktop session (no DISPLAY): no channel can deliver; no budget
#   desktop  a desktop session (DISPLAY=:0, a fake notify-send first on PATH), no budget
#   budget   as desktop, plus a daily budget of $1000 (never crossed: nothing is sent, only evaluated)
# Runs: --runs rounds (default 15), each running every case with every jar in turn. Medians in milliseconds, with
# the load average before and after. Needs bash 5, GNU date, the tree generator (telemetry-core's test classes:
# ./mvnw -q -o -pl telemetry-core test-compile). Linux only.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=15; SIZE=50; DIR=
LABELS=(); JARS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --size) SIZE=$2; shift ;;
    --dir) DIR=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *=*) LABELS+=("${1%%=*}"); JARS+=("$(realpath "${1#*=}")") ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#JARS[@]} -ge 1 ] || { sed -n '2,18p' "$0"; exit 2; }
for j in "${JARS[@]}"; do [ -f "$j" ] || { echo "no jar at $j" >&2; exit 2; }; done
JAVA=$(command -v "${JAVA:-java}") || { echo "no java" >&2; exit 2; }
DIR=${DIR:-$(mktemp -d /tmp/cct-hook-alerts.XXXXXX)}
mkdir -p "$DIR"
. "$REPO/bench/lib/generated-tree.sh"
TREE=$(generated_tree "$DIR" "$SIZE") || exit 2
CASES=(server desktop budget)
JVM=(-Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -Xlog:disable -Xlog:all=error:stderr)

# The session the hook runs are about, inside the history's root (so the worker's roots are the history's).
SESSION=$(cat /proc/sys/kernel/random/uuid)
mkdir -p "$TREE/projects/-bench"
TRANSCRIPT=$TREE/projects/-bench/$SESSION.jsonl
: >"$TRANSCRIPT"
N=0
turn() {
  N=$((N + 1))
  local ts; ts=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
  printf '{"type":"user","sessionId":"%s","timestamp":"%s","message":{"role":"user","content":"turn %s"}}\n' \
    "$SESSION" "$ts" "$N" >>"$TRANSCRIPT"
  printf '{"type":"assistant","sessionId":"%s","timestamp":"%s","requestId":"req_b_%s","version":"2.1.328","cwd":"/work/p","message":{"id":"msg_b_%s","model":"claude-sonnet-4-20250514","role":"assistant","stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":%s,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}\n' \
    "$SESSION" "$ts" "$N" "$N" "$N" >>"$TRANSCRIPT"
}

mkdir -p "$DIR/bin" "$DIR/user"
printf '#!/bin/sh\nexit 0\n' >"$DIR/bin/notify-send"; chmod +x "$DIR/bin/notify-send"
# env_for CASE: the environment of a hook worker in that case (HOME and Claude Code's config dir are the bench's).
env_for() {
  local e=(HOME="$DIR/user" CLAUDE_CONFIG_DIR="$TREE" PATH="$DIR/bin:/usr/bin:/bin")
  [ "$1" = server ] || e+=(DISPLAY=:0)
  printf '%s\n' "${e[@]}"
}

# One synced home, copied per jar and case; class-data archives trained on a sync (what setup-hooks does).
echo "hook-alerts: syncing the ${SIZE} MiB history once (untimed)"
CC_TELEMETRY_HOME=$DIR/template HOME=$DIR/user "$JAVA" -jar "${JARS[0]}" sync --claude-dir "$TREE" >/dev/null 2>&1 \
  || { echo "sync of the history failed" >&2; exit 1; }
for i in "${!JARS[@]}"; do
  rm -rf "$DIR/train-$i"
  CC_TELEMETRY_HOME=$DIR/train-$i HOME=$DIR/user "$JAVA" "-XX:ArchiveClassesAtExit=$DIR/jar-$i.jsa" "${JVM[@]}" \
    -jar "${JARS[$i]}" sync --claude-dir "$TREE" >/dev/null 2>&1
  for c in "${CASES[@]}"; do
    h=$DIR/home-$c-$i; rm -rf "$h"; cp -a "$DIR/template" "$h"
    if [ "$c" = budget ]; then
      CC_TELEMETRY_HOME=$h HOME=$DIR/user "$JAVA" -jar "${JARS[$i]}" budget set --daily 1000 >/dev/null \
        || { echo "budget set failed with ${LABELS[$i]}" >&2; exit 1; }
    fi
  done
done

R=$DIR/results; rm -rf "$R"; mkdir -p "$R"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TIMEFORMAT='%3R %3U %3S'
for run in $(seq 1 "$RUNS"); do
  for c in "${CASES[@]}"; do
    mapfile -t envs < <(env_for "$c")
    for i in "${!JARS[@]}"; do
      turn
      h=$DIR/home-$c-$i
      mkdir -p "$h/spool"
      spool=$h/spool/session-end.bench
      printf '{"session_id":"%s","transcript_path":"%s","cwd":"/work/p","hook_event_name":"SessionEnd","reason":"other"}' \
        "$SESSION" "$TRANSCRIPT" >"$spool"
      t=$( { time env -i "${envs[@]}" CC_TELEMETRY_HOME="$h" "$JAVA" "-XX:SharedArchiveFile=$DIR/jar-$i.jsa" \
        "${JVM[@]}" -jar "${JARS[$i]}" hook-run --event session-end --spool "$spool" >/dev/null 2>&1; } 2>&1 )
      echo "$t" >>"$R/$c-$i"
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# median FILE COLUMN: the median of a column of seconds, in ms (CPU: user+sys, columns 2 and 3).
median() {
  awk -v col="$2" '{ v = (col == "cpu") ? $2 + $3 : $1; print v * 1000 }' "$1" | sort -n \
    | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] }'
}
echo "hook-alerts: $RUNS rounds, ${SIZE} MiB history, $(nproc) CPUs, load before $LOAD_BEFORE, after $LOAD_AFTER"
for i in "${!JARS[@]}"; do echo "  ${LABELS[$i]}: ${JARS[$i]}"; done
printf '%-8s' case; for l in "${LABELS[@]}"; do printf ' %14s' "$l wall/cpu"; done; echo
for c in "${CASES[@]}"; do
  printf '%-8s' "$c"
  for i in "${!JARS[@]}"; do printf ' %14s' "$(median "$R/$c-$i" wall)/$(median "$R/$c-$i" cpu)"; done
  echo
done
# Every case's ledger must hold every turn its jar was given: a worker that failed would make the figures meaningless.
for c in "${CASES[@]}"; do
  for i in "${!JARS[@]}"; do
    got=$(CC_TELEMETRY_HOME=$DIR/home-$c-$i HOME=$DIR/user "$JAVA" -jar "${JARS[$i]}" export --format jsonl 2>/dev/null \
      | grep -c "\"sessionId\":\"$SESSION\"")
    [ "$got" -gt 0 ] || echo "  WARNING: $c with ${LABELS[$i]}: the ledger holds none of the bench session's turns"
    ! grep -q "hook-run alert: " "$DIR/home-$c-$i/logs/hook-sync.log" 2>/dev/null \
      || echo "  WARNING: $c with ${LABELS[$i]}: an alert was raised (the cases are meant to send nothing)"
  done
done
echo "(ms, medians; wall/cpu = elapsed / user+sys of the worker process)"
