#!/usr/bin/env bash
# Dashboard A/B: CPU and wall time per API call of two builds side by side. Prints figures, asserts nothing.
#
# Usage: bench/dashboard-ab.sh OLD_REPO NEW_REPO LEDGER_HOME [--calls N] [--rounds N] [PATH...]
#
#   OLD_REPO, NEW_REPO: checkouts with their jar built (./mvnw -o -q -DskipTests package); their ./cc-telemetry runs.
#   LEDGER_HOME: a CC_TELEMETRY_HOME holding telemetry.db (e.g. bench/dashboard.sh's $DIR/home-1000000); copied twice
#   to a temp dir, never written. Each build's dashboard runs over its own copy; the calls alternate between them in
#   blocks of --calls (default 10) for --rounds (default 3) rounds. Per block: the dashboard process's CPU
#   (user+sys, /proc/PID/stat) and the wall time per call, and whether the two answers are byte-identical.
#   Default paths: /api/overview /api/overview?range=all /api/meta /api/blocks /api/blocks?range=90d
# Linux only (/proc). Stops both dashboards and removes the copies at the end.
set -uo pipefail
[ $# -ge 3 ] || { sed -n '2,13p' "$0"; exit 2; }
OLD_REPO=$1 NEW_REPO=$2 LEDGER=$3; shift 3
CALLS=10 ROUNDS=3 PATHS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) CALLS=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    *) PATHS+=("$1") ;;
  esac
  shift
done
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/api/overview "/api/overview?range=all" /api/meta /api/blocks "/api/blocks?range=90d")
WORK=$(mktemp -d /tmp/cct-dashboard-ab.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A PID URL
PORT=8431
for side in old new; do
  repo=$OLD_REPO; [ $side = new ] && repo=$NEW_REPO
  mkdir -p "$WORK/$side" && cp "$LEDGER/telemetry.db" "$WORK/$side/"
  CC_TELEMETRY_HOME=$WORK/$side DISPLAY= WAYLAND_DISPLAY= "$repo/cc-telemetry" dashboard --no-open --port=$PORT \
    >"$WORK/$side.out" 2>"$WORK/$side.err" &
  PID[$side]=$!; PIDS+=($!)
  for _ in $(seq 1 600); do [ -s "$WORK/$side.out" ] && break; sleep 0.2; done
  u=$(head -n1 "$WORK/$side.out")
  [ -n "$u" ] || { echo "the $side dashboard printed no URL:" >&2; cat "$WORK/$side.err" >&2; exit 2; }
  curl -s -c "$WORK/$side.cookies" -o /dev/null -L "$u"
  URL[$side]=${u%%/\?token*}
  PORT=$((PORT + 1))
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tick=$(getconf CLK_TCK)
for path in "${PATHS[@]}"; do
  a=$(curl -s -b "$WORK/old.cookies" "${URL[old]}$path" | sha1sum); b=$(curl -s -b "$WORK/new.cookies" "${URL[new]}$path" | sha1sum)
  echo "$path: answers $([ "$a" = "$b" ] && echo identical || echo DIFFERENT)"
  for r in $(seq 1 "$ROUNDS"); do
    line="  round $r:"
    for side in old new; do
      c0=$(cpu "${PID[$side]}"); t0=$(date +%s%N)
      for _ in $(seq 1 "$CALLS"); do curl -s -b "$WORK/$side.cookies" -o /dev/null "${URL[$side]}$path"; done
      c1=$(cpu "${PID[$side]}"); t1=$(date +%s%N)
      line+=" $side CPU $(( (c1 - c0) * 1000 / tick / CALLS )) ms, wall $(( (t1 - t0) / 1000000 / CALLS )) ms per call;"
    done
    echo "$line"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
