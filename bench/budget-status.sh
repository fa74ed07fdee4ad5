#!/usr/bin/env bash
# Budget state (what every alert run after a hook sync or daemon pass, `budget list`, `check` and the dashboard
# read), two builds side by side: prints figures, asserts nothing, exits 0.
#
# Usage: bench/budget-status.sh OLD_JAR NEW_JAR [--records N] [--runs N] [--dir DIR]
#
# Writes one transcript tree of N Sonnet requests (default 200,000; 2,000 per session) dated between the start of
# the current UTC month and now, syncs it once with NEW_JAR, sets a monthly and a daily budget for this machine,
# then runs `budget list` with each jar, interleaved old then new, --runs times (default 7), on one home. Prints
# each jar's median wall and CPU time (user+sys, /usr/bin/time) in ms, the ratio new/old, whether both printed
# the same lines, and the load average before and after. Needs python3 and GNU time.
set -uo pipefail

[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
OLD=$(realpath "$1"); NEW=$(realpath "$2"); shift 2
RECORDS=200000; RUNS=7; DIR=
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
JAVA=${JAVA:-java}
DIR=${DIR:-$(mktemp -d /tmp/cct-budget-status.XXXXXX)}
mkdir -p "$DIR"
OPTS="-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=error:stderr"
export CC_TELEMETRY_HOME=$DIR/telemetry HOME=$DIR/home CLAUDE_CONFIG_DIR=$DIR/claude
mkdir -p "$HOME"

if [ ! -f "$CC_TELEMETRY_HOME/telemetry.db" ]; then
  python3 - "$CLAUDE_CONFIG_DIR" "$RECORDS" <<'PY'
import datetime, json, os, random, sys, uuid
root, n = sys.argv[1], int(sys.argv[2])
random.seed(42)
now = datetime.datetime.now(datetime.timezone.utc)
start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
span = (now - start).total_seconds() - 60
per = 2000
for s in range(0, n, per):
    sid = str(uuid.UUID(int=random.getrandbits(128), version=4))
    d = os.path.join(root, "projects", "-work-p%d" % (s // per % 7))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sid + ".jsonl"), "w") as f:
        for i in range(min(per, n - s)):
            t = start + datetime.timedelta(seconds=random.random() * span)
            f.write(json.dumps({"parentUuid": "p", "isSidechain": False, "type": "assistant", "sessionId": sid,
                "cwd": "/work", "uuid": str(uuid.uuid4()), "requestId": "req_%d_%d" % (s, i),
                "timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000),
                "message": {"id": "msg_%d_%d" % (s, i), "model": "claude-sonnet-4-20250514", "role": "assistant",
                    "stop_reason": "end_turn", "usage": {"input_tokens": random.randint(1, 5000),
                    "cache_creation_input_tokens": random.randint(0, 2000), "cache_read_input_tokens":
                    random.randint(0, 50000), "output_tokens": random.randint(1, 3000)}}}) + "\n")
PY
  t0=$(date +%s%N)
  "$JAVA" $OPTS -jar "$NEW" sync >/dev/null || { echo "sync failed" >&2; exit 0; }
  echo "synced $RECORDS records in $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
  "$JAVA" $OPTS -jar "$NEW" budget set --monthly 100000 >/dev/null
  "$JAVA" $OPTS -jar "$NEW" budget set --daily 5000 >/dev/null
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for v in old new; do : >"$DIR/$v.wall"; : >"$DIR/$v.cpu"; done
for i in $(seq 0 "$RUNS"); do
  for v in old new; do
    jar=$OLD; [ $v = new ] && jar=$NEW
    /usr/bin/time -f "%e %U %S" -o "$DIR/time" "$JAVA" $OPTS -jar "$jar" budget list >"$DIR/$v.out" 2>/dev/null
    [ "$i" -eq 0 ] && continue # warm-up: page cache
    awk '{ printf "%d\n", $1 * 1000 }' "$DIR/time" >>"$DIR/$v.wall"
    awk '{ printf "%d\n", ($2 + $3) * 1000 }' "$DIR/time" >>"$DIR/$v.cpu"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ow=$(median <"$DIR/old.wall"); nw=$(median <"$DIR/new.wall"); oc=$(median <"$DIR/old.cpu"); nc=$(median <"$DIR/new.cpu")
echo "budget list over $RECORDS records this month, $RUNS interleaved runs each (median ms):"
printf "  old  wall %6d  cpu %6d\n  new  wall %6d  cpu %6d\n" "$ow" "$oc" "$nw" "$nc"
awk -v a="$nw" -v b="$ow" -v c="$nc" -v d="$oc" 'BEGIN { printf "  new/old  wall %.2fx  cpu %.2fx\n", a / b, c / d }'
if cmp -s "$DIR/old.out" "$DIR/new.out"; then echo "  same output"; else echo "  OUTPUT DIFFERS:"; diff "$DIR/old.out" "$DIR/new.out"; fi
echo "  load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
