#!/usr/bin/env bash
# Benchmark kit: cc-telemetry `sync` and `report daily` versus ccusage 20.0.24 on synthetic Claude config trees.
#
# Usage: bench/run-bench.sh [--quick] [--runs N] [--sizes "100 500"] [--seed S] [--dir /tmp/cct-bench]
#
#   default   trees of 100 and 500 MiB, 5 interleaved runs per case
#   --quick   one 20 MiB tree, 3 runs (smoke test)
#
# Cases, run interleaved (ours cold, ccusage, ours warm, ours daily, ccusage daily) so that machine noise hits all
# of them alike:
#   ours-cold      `$CCT_CMD sync --claude-dir <tree>` with a fresh, empty CC_TELEMETRY_HOME
#   ours-warm      the same command again on the same home (nothing changed: the incremental path)
#   ccusage        `ccusage claude session --json --offline` with CLAUDE_CONFIG_DIR=<tree> (native binary, no node)
#   ours-daily     `$CCT_CMD report daily --no-sync --json` over that home's ledger (the everyday command)
#   ccusage-daily  `ccusage claude daily --json --offline` (ccusage reads the whole tree for every report)
# Wall time and peak RSS come from GNU time (`%e %M %U %S`); figures are medians. The page cache is warmed first.
# No assertion on speed: the script prints figures and a Markdown table for BENCHMARKS.md, and exits 0.
#
# Environment: CCT_CMD (our command; default ./cc-telemetry, else java -jar telemetry-cli/target/cc-telemetry.jar),
# CCUSAGE_BIN (path to the ccusage native binary), JAVA (java executable for the generator).
# 1 MiB = 2^20 bytes everywhere (tree sizes, RSS, throughput).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=/tmp/cct-bench
SIZES="100 500"
RUNS=5
SEED=42
CCUSAGE_VERSION=20.0.24
JAVA=${JAVA:-java}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SIZES="20"; RUNS=3 ;;
    --runs) RUNS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --dir) BENCH_DIR=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '%s\n' "$*" >&2; }
mkdir -p "$BENCH_DIR" || { say "cannot create $BENCH_DIR"; exit 2; }
LOGS=$BENCH_DIR/logs
mkdir -p "$LOGS"

# ---- tools ------------------------------------------------------------------------------------------------------
if ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
  say "GNU time missing: installing the Debian 'time' package"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q time >/dev/null 2>&1; }
  else sudo apt-get install -y -q time >/dev/null 2>&1; fi
  /usr/bin/time -f '%e' true >/dev/null 2>&1 || { say "need GNU time at /usr/bin/time (apt-get install time)"; exit 2; }
fi

GEN_CP=$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes
JAR=$REPO/telemetry-cli/target/cc-telemetry.jar
if [ ! -f "$JAR" ]; then
  say "building the CLI jar (./mvnw -q -B -DskipTests package; log: $LOGS/build.log)"
  (cd "$REPO" && ./mvnw -q -B -DskipTests package) >"$LOGS/build.log" 2>&1 || say "  CLI build failed: our cases will read n/a"
fi
if [ ! -f "$REPO/telemetry-core/target/test-classes/dev/cctelemetry/testing/TranscriptTreeGenerator.class" ]; then
  say "building the tree generator (telemetry-core test classes)"
  (cd "$REPO" && ./mvnw -q -B -DskipTests -pl telemetry-core package) >>"$LOGS/build.log" 2>&1 \
    || { say "cannot build telemetry-core; see $LOGS/build.log"; exit 2; }
fi

CCT=()
if [ -n "${CCT_CMD:-}" ]; then read -r -a CCT <<<"$CCT_CMD"
elif [ -x "$REPO/cc-telemetry" ]; then CCT=("$REPO/cc-telemetry")
elif [ -f "$JAR" ]; then CCT=("$JAVA" -jar "$JAR")
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) CC_PLATFORM=linux-x64 ;; Linux-aarch64) CC_PLATFORM=linux-arm64 ;;
  Darwin-arm64) CC_PLATFORM=darwin-arm64 ;; Darwin-x86_64) CC_PLATFORM=darwin-x64 ;; *) CC_PLATFORM=unknown ;;
esac
CCUSAGE=${CCUSAGE_BIN:-$REPO/.tools/node_modules/@ccusage/ccusage-$CC_PLATFORM/bin/ccusage}
if [ ! -f "$CCUSAGE" ] && [ -z "${CCUSAGE_BIN:-}" ]; then
  say "installing ccusage@$CCUSAGE_VERSION into $REPO/.tools"
  npm install --prefix "$REPO/.tools" "ccusage@$CCUSAGE_VERSION" >"$LOGS/npm.log" 2>&1 || say "  npm install failed; see $LOGS/npm.log"
fi
[ -f "$CCUSAGE" ] && [ ! -x "$CCUSAGE" ] && chmod +x "$CCUSAGE"   # npm does not mark the platform binary executable
CCUSAGE_SEEN=$("$CCUSAGE" --version 2>/dev/null | awk '{print $NF}')
[ "$CCUSAGE_SEEN" = "$CCUSAGE_VERSION" ] || say "warning: ccusage reports version '${CCUSAGE_SEEN:-none}', expected $CCUSAGE_VERSION"
HAVE_JQ=0; command -v jq >/dev/null 2>&1 && HAVE_JQ=1

# ---- trees ------------------------------------------------------------------------------------------------------
tree_dir() { echo "$BENCH_DIR/tree-${1}mib-seed$SEED"; }
for size in $SIZES; do
  dir=$(tree_dir "$size")
  if [ -f "$dir.expected.json" ] && [ -d "$dir/projects" ]; then
    say "reusing $dir"
  else
    rm -rf "$dir" "$dir.expected.json"
    say "generating $dir ($size MiB, seed $SEED)"
    "$JAVA" -cp "$GEN_CP" dev.cctelemetry.testing.TranscriptTreeGenerator "$dir" "$size" "$SEED" \
      >"$dir.expected.json.tmp" 2>"$LOGS/generate-$size.err" || { cat "$LOGS/generate-$size.err" >&2; exit 2; }
    mv "$dir.expected.json.tmp" "$dir.expected.json"
    cat "$LOGS/generate-$size.err" >&2
    sync   # flush the new files so that write-back does not run during the timed runs
  fi
done

# ---- measuring --------------------------------------------------------------------------------------------------
RESULTS=$BENCH_DIR/results-$$
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# measure <case> <size> <run> <env assignments...> -- <command...>: appends "wall rssKiB user sys" or "FAIL rc".
measure() {
  local name=$1 size=$2 run=$3; shift 3
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  local tf="$RESULTS/time.tmp" out="$LOGS/$name-$size-$run"
  (cd "$BENCH_DIR" && /usr/bin/time -f '%e %M %U %S' -o "$tf" timeout "$RUN_TIMEOUT" env "${envs[@]}" "$@" \
     >"$out.out" 2>"$out.err")
  local rc=$?
  if [ $rc -eq 0 ]; then tail -n 1 "$tf" >>"$RESULTS/$name-$size"; else echo "FAIL $rc" >>"$RESULTS/$name-$size"; fi
  return $rc
}

# The launcher's first run after a build makes its start-up archive (not what a user sees again): one untimed sync
# starts it, and the script waits for it before anything is measured.
if [ ${#CCT[@]} -gt 0 ]; then
  home=$(mktemp -d "$BENCH_DIR/home.XXXXXX")
  env CC_TELEMETRY_HOME="$home" "${CCT[@]}" sync --claude-dir "$(tree_dir "${SIZES%% *}")" >"$LOGS/archive-run.out" 2>&1 \
    || say "  untimed first sync failed: $LOGS/archive-run.out"
  # The launcher makes its start-up archive in the background (ArchiveTraining): wait until it is there.
  for _ in $(seq 1 600); do
    ls "$REPO"/telemetry-cli/target/*.making >/dev/null 2>&1 || break
    sleep 1
  done
  rm -rf "$home"
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
for size in $SIZES; do
  dir=$(tree_dir "$size")
  find "$dir/projects" -name '*.jsonl' -exec cat {} + >/dev/null   # warm page cache for every tool alike
  for run in $(seq 1 "$RUNS"); do
    if [ ${#CCT[@]} -gt 0 ]; then
      home=$(mktemp -d "$BENCH_DIR/home.XXXXXX")
      measure ours-cold "$size" "$run" CC_TELEMETRY_HOME="$home" -- "${CCT[@]}" sync --claude-dir "$dir" \
        || say "  ours-cold run $run failed: $LOGS/ours-cold-$size-$run.err"
    fi
    measure ccusage "$size" "$run" CLAUDE_CONFIG_DIR="$dir" LOG_LEVEL=0 -- "$CCUSAGE" claude session --json --offline \
      || say "  ccusage run $run failed: $LOGS/ccusage-$size-$run.err"
    if [ ${#CCT[@]} -gt 0 ]; then
      measure ours-warm "$size" "$run" CC_TELEMETRY_HOME="$home" -- "${CCT[@]}" sync --claude-dir "$dir" \
        || say "  ours-warm run $run failed: $LOGS/ours-warm-$size-$run.err"
      measure ours-daily "$size" "$run" CC_TELEMETRY_HOME="$home" -- "${CCT[@]}" report daily --no-sync --json \
        || say "  ours-daily run $run failed: $LOGS/ours-daily-$size-$run.err"
      rm -rf "$home"
    fi
    measure ccusage-daily "$size" "$run" CLAUDE_CONFIG_DIR="$dir" LOG_LEVEL=0 -- "$CCUSAGE" claude daily --json --offline \
      || say "  ccusage-daily run $run failed: $LOGS/ccusage-daily-$size-$run.err"
    say "  $size MiB run $run/$RUNS done"
  done
  # ccusage's totals against the generator's truth (cc-telemetry's are checked by its own tests).
  if [ $HAVE_JQ = 1 ] && [ -s "$LOGS/ccusage-$size-1.out" ]; then
    want=$(jq -c '.tokens|[.input,.output,.cacheCreation,.cacheRead]' "$dir.expected.json")
    got=$(jq -c '.totals|[.inputTokens,.outputTokens,.cacheCreationTokens,.cacheReadTokens]' "$LOGS/ccusage-$size-1.out" 2>/dev/null)
    if [ "$want" = "$got" ]; then echo "match" >"$RESULTS/check-$size"; else echo "MISMATCH want $want got $got" >"$RESULTS/check-$size"; fi
  fi
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)

# ---- report -----------------------------------------------------------------------------------------------------
# stats <file>: prints "n medWall minWall maxWall medRssMiB medCpu" over successful runs, or "0".
stats() {
  [ -f "$1" ] || { echo 0; return; }
  grep -v '^FAIL' "$1" | awk '
    { w[NR]=$1; r[NR]=$2/1024; c[NR]=$3+$4; n=NR }
    function med(a, n,   i, j, t, b) { for (i=1;i<=n;i++) b[i]=a[i];
      for (i=1;i<=n;i++) for (j=i+1;j<=n;j++) if (b[j]<b[i]) { t=b[i]; b[i]=b[j]; b[j]=t }
      return n%2 ? b[(n+1)/2] : (b[n/2]+b[n/2+1])/2 }
    function mn(a, n,  i, m) { m=a[1]; for (i=2;i<=n;i++) if (a[i]<m) m=a[i]; return m }
    function mx(a, n,  i, m) { m=a[1]; for (i=2;i<=n;i++) if (a[i]>m) m=a[i]; return m }
    END { if (n==0) { print 0; exit } printf "%d %.3f %.3f %.3f %.1f %.3f\n", n, med(w,n), mn(w,n), mx(w,n), med(r,n), med(c,n) }'
}

CPU=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')
JAVA_V=$("$JAVA" -version 2>&1 | head -n 1)
OURS_DESC=${CCT[*]:-none}
TABLE=$BENCH_DIR/results-$(date +%Y%m%d-%H%M%S).md
{
  echo "### cc-telemetry sync vs ccusage $CCUSAGE_VERSION ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: ${CPU:-unknown CPU}, $(nproc) cores, $JAVA_V; load average before ${LOAD_BEFORE}, after ${LOAD_AFTER}."
  echo "Ours: \`${OURS_DESC//$REPO\//} sync --claude-dir <tree>\`; ccusage: native \`@ccusage/ccusage-$CC_PLATFORM\` binary,"
  echo "\`claude session --json --offline\`. Warm page cache, $RUNS interleaved runs, medians (wall min–max)."
  echo
  for size in $SIZES; do
    dir=$(tree_dir "$size")
    if [ $HAVE_JQ = 1 ]; then
      desc=$(jq -r '"\(.bytes/1048576*10|round/10) MiB, \(.files) files, \(.lines) lines, \(.assistantLines) assistant lines (\(.duplicateLines) streaming copies)"' "$dir.expected.json")
    else desc="$size MiB"; fi
    echo "- tree ${size} MiB (TranscriptTreeGenerator seed $SEED): $desc; ccusage totals vs generator truth: $(cat "$RESULTS/check-$size" 2>/dev/null || echo unchecked)"
  done
  echo
  echo "| tree | case | ok runs | wall median (min–max) | peak RSS | CPU user+sys | MiB/s | MiB/s per CPU-s | wall vs ccusage | RSS vs ccusage |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for size in $SIZES; do
    dir=$(tree_dir "$size")
    bytes=$((size * 1048576)); [ $HAVE_JQ = 1 ] && bytes=$(jq .bytes "$dir.expected.json")
    mib=$(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1048576}')
    for name in ours-cold ours-warm ccusage ours-daily ccusage-daily; do
      # Syncs compare with ccusage's session report; the daily report from the ledger with ccusage's daily report.
      ref=ccusage; case $name in *daily) ref=ccusage-daily ;; esac
      read -r cn cw _ _ cr _ <<<"$(stats "$RESULTS/$ref-$size") 0 0 0 0 0"
      read -r n w wmin wmax r c <<<"$(stats "$RESULTS/$name-$size") 0 0 0 0 0"
      fails=$(grep -c '^FAIL' "$RESULTS/$name-$size" 2>/dev/null); fails=${fails:-0}
      if [ "$n" = 0 ]; then
        note="n/a"; [ "$fails" != 0 ] && note="n/a ($fails failed)"
        echo "| $size MiB | $name | 0 | $note | n/a | n/a | n/a | n/a | n/a | n/a |"
        continue
      fi
      awk -v s="$size" -v name="$name" -v n="$n" -v f="$fails" -v w="$w" -v a="$wmin" -v b="$wmax" -v r="$r" -v c="$c" \
          -v mib="$mib" -v cn="$cn" -v cw="$cw" -v cr="$cr" 'BEGIN {
        runs = f > 0 ? n "/" n+f : n
        vw = (name !~ /^ccusage/ && cn+0 > 0 && cw+0 > 0) ? sprintf("%.2f×", w/cw) : "–"
        vr = (name !~ /^ccusage/ && cn+0 > 0 && cr+0 > 0) ? sprintf("%.2f×", r/cr) : "–"
        mbs = w+0 > 0 ? sprintf("%.0f", mib/w) : "∞"; mbc = c+0 > 0 ? sprintf("%.0f", mib/c) : "∞"
        printf "| %s MiB | %s | %s | %.2f s (%.2f–%.2f) | %.0f MiB | %.2f s | %s | %s | %s | %s |\n", s, name, runs, w, a, b, r, c, mbs, mbc, vw, vr }'
    done
  done
  echo
  echo "_ours-warm: second sync on the same home (no file changed); ours-daily: \`report daily --no-sync --json\` from that"
  echo "ledger, against ccusage-daily: \`ccusage claude daily --json --offline\` (which reads the tree). MiB/s per CPU-s ="
  echo "tree size / (user+sys CPU time);"
  echo "ratios are ours/ccusage (below 1 = ours faster or smaller). Raw runs: \`$RESULTS\`; outputs: \`$LOGS\`._"
} >"$TABLE"

cat "$TABLE"
say ""
say "table written to $TABLE"
exit 0
