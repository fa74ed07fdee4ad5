#!/usr/bin/env bash
# Hook latency benchmark: prints figures, asserts nothing, exits 0.
#
# Usage: bench/hook-latency.sh [--runs N] [--e2e-runs N] [--burst N] [--dir DIR]
#
#   1. Hook script return time (what Claude Code waits for), median and p99 over --runs runs (default 200) of the
#      installed Stop and SessionEnd scripts, each run a new session id (so every Stop opens a debounce window and
#      starts a worker and a trailer): once with the worker stubbed (java replaced by `exit 0`), once with the
#      real jar, paced: each run starts after the previous run's worker JVM has exited (untimed), as turns would.
#   2. SessionEnd-to-ledger latency, median over --e2e-runs sessions (default 10): from starting the SessionEnd
#      script to the worker's outcome record (written after the ledger commit); then checks every session's
#      record is in the ledger.
#   3. Burst: --burst Stop events (default 100) for one session within 10 s, each after appending one assistant
#      turn to its transcript, with a 12 s debounce window; counts the worker JVMs started (hook-run lines in
#      hook-sync.log) and checks that the ledger holds every turn, the last one included.
#
# Environment: JAR (default telemetry-cli/target/cc-telemetry.jar; build with ./mvnw -o -q install -DskipTests),
# JAVA (default: java on PATH). Needs bash 5 ($EPOCHREALTIME), setsid or nohup, awk. Linux only.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$REPO/telemetry-cli/target/cc-telemetry.jar}
JAVA=${JAVA:-java}
RUNS=200
E2E_RUNS=10
BURST=100
DIR=

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --e2e-runs) E2E_RUNS=$2; shift ;;
    --burst) BURST=$2; shift ;;
    --dir) DIR=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$JAR" ] || { echo "no jar at $JAR: build it first" >&2; exit 2; }
DIR=${DIR:-$(mktemp -d /tmp/cct-hook-bench.XXXXXX)}
mkdir -p "$DIR"
echo "hook latency benchmark in $DIR ($(nproc) CPUs, $(uname -sr), $("$JAVA" -version 2>&1 | head -1))"

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

uuid() { cat /proc/sys/kernel/random/uuid; }

# Sorted microsecond samples on stdin -> "median X ms, p99 Y ms, max Z ms".
stats() {
  sort -n | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "no samples"; exit }
    m = a[int((NR + 1) / 2)]; p = a[int(NR * 0.99 + 0.999999)]; if (p == "") p = a[NR]
    printf "median %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)\n", m / 1000, p / 1000, a[NR] / 1000, NR }'
}

# setup HOME_NAME WINDOW: a user home and telemetry home with the hooks installed by the real jar.
setup() {
  local name=$1 window=$2
  export HOME="$DIR/$name/user" CC_TELEMETRY_HOME="$DIR/$name/telemetry"
  mkdir -p "$HOME/.claude/projects/-bench"
  "$JAVA" -jar "$JAR" setup-hooks --stop-window "$window" >/dev/null || { echo "setup-hooks failed" >&2; exit 1; }
  STOP="$CC_TELEMETRY_HOME/hooks/cc-telemetry-stop.sh"
  END="$CC_TELEMETRY_HOME/hooks/cc-telemetry-session-end.sh"
}

# payload EVENT SESSION TRANSCRIPT: a payload shaped like Claude Code 2.1.328's, ~2 KB of assistant text.
LAST_MESSAGE=$(printf 'x%.0s' $(seq 1 2000))
payload() {
  printf '{"session_id":"%s","transcript_path":"%s","cwd":"/work/p","prompt_id":"p1","permission_mode":"default","effort":{"level":"high"},"hook_event_name":"%s","stop_hook_active":false,"last_assistant_message":"%s","background_tasks":[],"session_crons":[]}' \
    "$2" "$3" "$1" "$LAST_MESSAGE"
}

# turn FILE SESSION N: appends one user line and one assistant line with usage (message msg_<session>_<n>).
turn() {
  local f=$1 s=$2 n=$3 ts
  ts=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
  printf '{"type":"user","sessionId":"%s","timestamp":"%s","message":{"role":"user","content":"turn %s"}}\n' "$s" "$ts" "$n" >>"$f"
  printf '{"type":"assistant","sessionId":"%s","timestamp":"%s","requestId":"req_%s_%s","version":"2.1.328","cwd":"/work/p","message":{"id":"msg_%s_%s","model":"claude-sonnet-4-20250514","role":"assistant","stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":%s,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}\n' \
    "$s" "$ts" "${s:0:8}" "$n" "${s:0:8}" "$n" "$n" >>"$f"
}

time_script() { # SCRIPT EVENT -> microseconds of one run with a fresh session
  local script=$1 event=$2 s t0 t1
  s=$(uuid)
  local p; p=$(payload "$event" "$s" "$HOME/.claude/projects/-bench/$s.jsonl")
  t0=$(now_us)
  printf '%s' "$p" | "$script"
  t1=$(now_us)
  echo $((t1 - t0))
}

# 1a. stubbed worker
setup stub 2
STUB="$DIR/stub/java-stub"
printf '#!/bin/sh\nexit 0\n' >"$STUB" && chmod +x "$STUB"
for f in "$STOP" "$END"; do
  awk -v stub="$STUB" '/^CCT_JAVA=/ { print "CCT_JAVA='\''" stub "'\''"; next } { print }' "$f" >"$f.tmp" && cat "$f.tmp" >"$f" && rm -f "$f.tmp"
done
for i in $(seq 1 "$RUNS"); do time_script "$STOP" Stop; done >"$DIR/stub-stop.us"
for i in $(seq 1 "$RUNS"); do time_script "$END" SessionEnd; done >"$DIR/stub-end.us"
echo "1. hook script return time, worker stubbed:"
echo "   Stop       $(stats <"$DIR/stub-stop.us")"
echo "   SessionEnd $(stats <"$DIR/stub-end.us")"

# 1b. real worker, paced
setup real 2
wait_workers() { # until no worker JVM of this home runs (at most 30 s)
  for _ in $(seq 1 600); do pgrep -f "$DIR/real/telemetry/lib" >/dev/null || return 0; sleep 0.05; done
}
for i in $(seq 1 "$RUNS"); do time_script "$STOP" Stop; wait_workers; done >"$DIR/real-stop.us"
for i in $(seq 1 "$RUNS"); do time_script "$END" SessionEnd; wait_workers; done >"$DIR/real-end.us"
echo "   with the real jar (paced: one worker JVM at a time):"
echo "   Stop       $(stats <"$DIR/real-stop.us")"
echo "   SessionEnd $(stats <"$DIR/real-end.us")"
echo "   worker runs logged: $(grep -c 'hook-run .* done' "$DIR/real/telemetry/logs/hook-sync.log" 2>/dev/null || echo 0)"

# 2. SessionEnd to ledger
setup e2e 120
: >"$DIR/e2e.us"
SESSIONS=()
for i in $(seq 1 "$E2E_RUNS"); do
  s=$(uuid); SESSIONS+=("$s")
  t="$HOME/.claude/projects/-bench/$s.jsonl"
  turn "$t" "$s" 1
  t0=$(now_us)
  payload SessionEnd "$s" "$t" | "$END"
  while ! grep -q "\"session_id\":\"$s\",\"ok\":true" "$CC_TELEMETRY_HOME/state/hook-outcome.json" 2>/dev/null; do
    if [ $(( $(now_us) - t0 )) -gt 30000000 ]; then echo "   session $s: no outcome within 30 s"; break; fi
    sleep 0.01
  done
  echo $(( $(now_us) - t0 )) >>"$DIR/e2e.us"
done
found=$("$JAVA" -jar "$JAR" export --format jsonl | grep -c -F -f <(printf '%s\n' "${SESSIONS[@]}"))
echo "2. SessionEnd to ledger (script start to committed outcome): $(stats <"$DIR/e2e.us")"
echo "   ledger holds $found of $E2E_RUNS sessions' records"

# 3. Burst
setup burst 12
s=$(uuid)
t="$HOME/.claude/projects/-bench/$s.jsonl"
: >"$t"
interval_us=$((10000000 / BURST))
b0=$(now_us)
for n in $(seq 1 "$BURST"); do
  turn "$t" "$s" "$n"
  payload Stop "$s" "$t" | "$STOP"
  next=$((b0 + n * interval_us)); nowv=$(now_us)
  [ "$nowv" -lt "$next" ] && sleep "$(awk -v d=$((next - nowv)) 'BEGIN { printf "%.6f", d / 1e6 }')"
done
b1=$(now_us)
echo "3. burst: $BURST Stop events for one session in $(awk -v d=$((b1 - b0)) 'BEGIN { printf "%.1f", d / 1e6 }') s (12 s window); waiting for the trailing sync ..."
for i in $(seq 1 40); do
  grep -q "hook-run stop-trailing done" "$CC_TELEMETRY_HOME/logs/hook-sync.log" 2>/dev/null && break
  sleep 1
done
sleep 1
jvms=$(grep -c "hook-run .* done" "$CC_TELEMETRY_HOME/logs/hook-sync.log" 2>/dev/null || echo 0)
records=$("$JAVA" -jar "$JAR" export --format jsonl | grep -c "\"sessionId\":\"$s\"")
last=$("$JAVA" -jar "$JAR" export --format jsonl | grep -c "\"messageId\":\"msg_${s:0:8}_$BURST\"")
echo "   worker JVMs started: $jvms (hook-run lines in hook-sync.log: $(grep -o 'hook-run [a-z-]* done' "$CC_TELEMETRY_HOME/logs/hook-sync.log" | sort | uniq -c | tr '\n' ';'))"
echo "   ledger records for the session: $records of $BURST; last turn captured: $([ "$last" = 1 ] && echo yes || echo NO)"
echo "raw samples (microseconds) in $DIR/*.us"
exit 0
