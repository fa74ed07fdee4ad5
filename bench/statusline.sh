#!/usr/bin/env bash
# Status line: cc-telemetry's versus `ccusage statusline` (20.0.24) on a synced synthetic history, whole process.
#
# Usage: bench/statusline.sh [--size MIB] [--runs N] [--seed S] [--dir /tmp/cct-bench]
#
#   default   a 200 MiB tree (TranscriptTreeGenerator, seed 42; reused when present), 30 interleaved runs per case
#
# Cases, interleaved so that machine noise hits all of them alike, each fed the same payload on stdin (a session of
# the tree, its transcript, plan limits that do not change between runs, as Claude Code sends them once per turn):
#   ours             the installed hooks/cc-telemetry-statusline.sh (what `setup-hooks --statusline` puts in
#                    settings.json) over a home whose ledger holds the whole tree (synced once before)
#   ccusage-nocache  `ccusage statusline --no-cache --offline` with CLAUDE_CONFIG_DIR=<tree> (reads the tree)
#   ccusage-cached   `ccusage statusline --offline` (serves its 1 s cache when the previous run is that recent)
# Wall time per run from `date +%s%N` around the process; median and p99 (the largest of fewer than 100 runs), and
# ratios to ccusage. No assertion on speed: it prints figures and a Markdown table for BENCHMARKS.md, and exits 0.
#
# Environment: JAVA (default java), CCUSAGE_BIN (path to the ccusage native binary), JARS (default this checkout's
# telemetry-cli/target/cc-telemetry.jar; several jars separated by spaces are compared side by side, each with its own
# home set up and synced by that jar, e.g. JARS="$PWD/telemetry-cli/target/cc-telemetry.jar /tmp/old/cc-telemetry.jar").
# CPU time (user+sys) of our runs is measured with GNU time when /usr/bin/time is there.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=/tmp/cct-bench
SIZE=200
RUNS=30
SEED=42
JAVA=${JAVA:-java}

while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --dir) BENCH_DIR=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '%s\n' "$*" >&2; }
mkdir -p "$BENCH_DIR/logs" || { say "cannot create $BENCH_DIR"; exit 2; }
JARS=${JARS:-$REPO/telemetry-cli/target/cc-telemetry.jar}
for JAR in $JARS; do
  [ -f "$JAR" ] || { say "no jar at $JAR (build it first: ./mvnw -B -DskipTests package)"; exit 2; }
done
GEN_CP=$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes
CCUSAGE=${CCUSAGE_BIN:-$REPO/.tools/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage}
[ -x "$CCUSAGE" ] || { say "ccusage not found at $CCUSAGE (set CCUSAGE_BIN)"; exit 2; }

TREE=$BENCH_DIR/tree-${SIZE}mib-seed$SEED
if [ ! -d "$TREE/projects" ]; then
  say "generating $TREE"
  "$JAVA" -cp "$GEN_CP" dev.cctelemetry.testing.TranscriptTreeGenerator "$TREE" "$SIZE" "$SEED" \
    >"$TREE.expected.json" 2>"$BENCH_DIR/logs/generate-$SIZE.err" || { cat "$BENCH_DIR/logs/generate-$SIZE.err" >&2; exit 2; }
fi

# A home of our own per jar (named by the jar's path and time): setup-hooks --statusline from the jar (installs it
# under lib/ with its class-data archive and writes the script), then one sync of the whole tree.
SCRIPTS=()
for JAR in $JARS; do
  H=$BENCH_DIR/statusline-home-$SIZE-$(printf '%s %s' "$JAR" "$(stat -c %Y "$JAR")" | cksum | cut -d' ' -f1)
  ours_env=(env HOME="$H/user" CLAUDE_CONFIG_DIR="$H/user/.claude" CC_TELEMETRY_HOME="$H/telemetry")
  if [ ! -x "$H/telemetry/hooks/cc-telemetry-statusline.sh" ]; then
    rm -rf "$H"; mkdir -p "$H/user/.claude"
    "${ours_env[@]}" "$JAVA" -jar "$JAR" setup-hooks --statusline >"$BENCH_DIR/logs/statusline-setup.out" 2>&1 \
      || { say "setup-hooks failed: $BENCH_DIR/logs/statusline-setup.out"; exit 2; }
    say "syncing $TREE into $H (once)"
    "${ours_env[@]}" "$JAVA" -jar "$JAR" sync --claude-dir "$TREE" >"$BENCH_DIR/logs/statusline-sync.out" 2>&1 \
      || { say "sync failed: $BENCH_DIR/logs/statusline-sync.out"; exit 2; }
  fi
  SCRIPTS+=("$H/telemetry/hooks/cc-telemetry-statusline.sh")
done
SCRIPT=${SCRIPTS[0]}

TRANSCRIPT=$(find "$TREE/projects" -name '*.jsonl' | sort | tail -n 1)
SESSION=$(basename "$TRANSCRIPT" .jsonl)
NOW=$(date +%s)
PAYLOAD=$BENCH_DIR/statusline-payload.json
printf '{"session_id":"%s","transcript_path":"%s","cwd":"/w","model":{"id":"claude-opus-5-5","display_name":"Opus 5.5"},"workspace":{"current_dir":"/w","project_dir":"/w"},"version":"2.1.328","cost":{"total_cost_usd":0.5,"total_duration_ms":8264,"total_api_duration_ms":41,"total_lines_added":0,"total_lines_removed":0},"exceeds_200k_tokens":false,"rate_limits":{"five_hour":{"used_percentage":42,"resets_at":%d},"seven_day":{"used_percentage":17.3,"resets_at":%d}}}\n' \
  "$SESSION" "$TRANSCRIPT" $((NOW + 3 * 3600)) $((NOW + 3 * 86400)) >"$PAYLOAD"

say "ours:    $("$SCRIPT" <"$PAYLOAD")"
say "ccusage: $(CLAUDE_CONFIG_DIR="$TREE" LOG_LEVEL=0 "$CCUSAGE" statusline --no-cache --offline <"$PAYLOAD" 2>/dev/null)"

RESULTS=$BENCH_DIR/statusline-$$
mkdir -p "$RESULTS"
millis() { local s e; s=$(date +%s%N); "$@" <"$PAYLOAD" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
# CPU milliseconds (user+sys) of one run, appended to $1 (GNU time; nothing when it is missing).
cpu() { local f=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$f.t" "$@" <"$PAYLOAD" >/dev/null 2>&1
    awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$f.t" >>"$f"
  fi
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$RUNS"); do
  for i in "${!SCRIPTS[@]}"; do
    millis "${SCRIPTS[$i]}" >>"$RESULTS/ours-$i"
    cpu "$RESULTS/ours-cpu-$i" "${SCRIPTS[$i]}"
  done
  millis env CLAUDE_CONFIG_DIR="$TREE" LOG_LEVEL=0 "$CCUSAGE" statusline --no-cache --offline >>"$RESULTS/ccusage-nocache"
  millis env CLAUDE_CONFIG_DIR="$TREE" LOG_LEVEL=0 "$CCUSAGE" statusline --offline >>"$RESULTS/ccusage-cached"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

stat() { # median p99 min max of a file of numbers
  sort -n "$1" | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
    p = a[int(NR * 0.99 + 0.999999)]; if (p == "") p = a[NR]; printf "%d %d %d %d", m, p, a[1], a[NR]}'
}
read -r nm np nmin nmax <<<"$(stat "$RESULTS/ccusage-nocache")"
read -r cm cp cmin cmax <<<"$(stat "$RESULTS/ccusage-cached")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }
ledger_mib=$(du -m "$H/telemetry/telemetry.db" | cut -f1)
echo "### cc-telemetry statusline vs ccusage statusline ($(date -u +%Y-%m-%d), $RUNS interleaved runs each)"
echo
echo "Tree: $SIZE MiB (TranscriptTreeGenerator seed $SEED), synced once into a $ledger_mib MiB ledger; $(nproc) cores;"
echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER. Whole process, wall time, payload on stdin."
echo
echo "| case | median ms | p99 ms | min–max ms | median vs ccusage --no-cache | median vs ccusage cached |"
echo "|---|---|---|---|---|---|"
i=0
for JAR in $JARS; do
  read -r om op omin omax <<<"$(stat "$RESULTS/ours-$i")"
  ocpu=–; [ -s "$RESULTS/ours-cpu-$i" ] && ocpu=$(stat "$RESULTS/ours-cpu-$i" | cut -d' ' -f1)
  echo "| ours ($JAR; CPU median $ocpu ms) | $om | $op | $omin–$omax | $(ratio "$om" "$nm") | $(ratio "$om" "$cm") |"
  i=$((i + 1))
done
echo "| ccusage statusline --no-cache | $nm | $np | $nmin–$nmax | – | – |"
echo "| ccusage statusline (1 s cache) | $cm | $cp | $cmin–$cmax | – | – |"
echo
echo "Raw runs: $RESULTS"
