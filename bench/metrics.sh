#!/usr/bin/env bash
# /metrics scrape time and export --otlp time over a synthetic history (issue 15.2).
#
# Usage: bench/metrics.sh [--size MIB] [--scrapes N] [--dir /tmp/cct-metrics-bench]
#
# Generates a tree with TranscriptTreeGenerator (seed 42; reused when present), syncs it into a fresh home, starts
# `cc-telemetry metrics --port 0`, scrapes it N times with curl (time_total per scrape) and prints the median, p95
# and max, the series count and the server's RSS; then times `export --otlp` of the whole history to a loopback
# receiver (python3, answers 200) and a second export with nothing new. No assertion: figures for BENCHMARKS.md.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=/tmp/cct-metrics-bench
SIZE=100
SCRAPES=30
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift ;;
    --scrapes) SCRAPES=$2; shift ;;
    --dir) DIR=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
JAR=$REPO/telemetry-cli/target/cc-telemetry.jar
GEN_CP=$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
mkdir -p "$DIR"
TREE=$DIR/tree-$SIZE
if [ ! -d "$TREE/projects" ]; then
  java -cp "$GEN_CP" dev.cctelemetry.testing.TranscriptTreeGenerator "$TREE" "$SIZE" 42 >"$TREE.expected.json" \
    || exit 2
fi
HOME_DIR=$DIR/home
rm -rf "$HOME_DIR" "$DIR/user" "$DIR/metrics.out" "$DIR/port"
mkdir -p "$DIR/user"
export CC_TELEMETRY_HOME=$HOME_DIR HOME=$DIR/user CLAUDE_CONFIG_DIR=$TREE
cct() { java -jar "$JAR" "$@"; }
cct sync >/dev/null || exit 1
RECORDS=$(cct report models --json --no-sync | python3 -c 'import json,sys; print(sum(m["requests"] for m in json.load(sys.stdin)["models"]))')

java -jar "$JAR" metrics --port 0 >"$DIR/metrics.out" 2>"$DIR/metrics.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; [ -n "${RECEIVER:-}" ] && kill $RECEIVER 2>/dev/null' EXIT
for _ in $(seq 1 600); do [ -s "$DIR/metrics.out" ] && break; sleep 0.1; done
URL=$(head -1 "$DIR/metrics.out")
curl -s "$URL" >"$DIR/scrape.txt"   # first scrape: class loading, untimed
SERIES=$(grep -vc '^#' "$DIR/scrape.txt")
: >"$DIR/times"
for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null -w '%{time_total}\n' "$URL" >>"$DIR/times"; done
RSS=$(ps -o rss= -p "$SERVER" | awk '{printf "%.0f", $1/1024}')
STATS=$(sort -n "$DIR/times" | awk '{a[NR]=$1} END {printf "median %.0f ms, p95 %.0f ms, max %.0f ms", a[int((NR+1)/2)]*1000, a[int(NR*0.95+0.999)]*1000, a[NR]*1000}')

# A loopback OTLP/HTTP receiver that accepts everything (the body is read and dropped).
python3 - "$DIR/port" <<'PY' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
    def log_message(self, *a): pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
open(sys.argv[1], 'w').write(str(s.server_address[1]))
s.serve_forever()
PY
RECEIVER=$!
for _ in $(seq 1 100); do [ -s "$DIR/port" ] && break; sleep 0.1; done
OTLP=http://127.0.0.1:$(cat "$DIR/port")
T0=$(date +%s.%N); cct export --otlp "$OTLP" >"$DIR/export1.out"; T1=$(date +%s.%N)
cct export --otlp "$OTLP" >"$DIR/export2.out"; T2=$(date +%s.%N)

echo "tree: $SIZE MiB, $RECORDS requests in the ledger; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "/metrics ($SERIES series): $SCRAPES scrapes, $STATS; server RSS ${RSS} MiB"
printf 'export --otlp, whole history: %.2f s (%s)\n' "$(echo "$T1 - $T0" | bc)" "$(cat "$DIR/export1.out")"
printf 'export --otlp, nothing new:   %.2f s (%s)\n' "$(echo "$T2 - $T1" | bc)" "$(cat "$DIR/export2.out")"
