# Sourced by bench scripts: dashboard_calls HOME DIR ROUNDS CP [dashboard options...] starts `cc-telemetry dashboard
# --no-open` with CC_TELEMETRY_HOME=HOME (the launcher $CCT_LAUNCHER, default the repository's; it builds the jar first when the sources are newer: not part of
# what is timed), runs DashboardBench against it (with DASHBOARD_BENCH_ARGS, e.g. --api-only), prints the
# process's resident memory and stops it. Needs REPO, JAVA and QUIET; the caller's environment reaches the process.
dashboard_calls() {
  local home=$1 dir=$2 rounds=$3 cp=$4 out=$2/dashboard.out pid url
  shift 4
  local launcher=${CCT_LAUNCHER:-$REPO/cc-telemetry}
  CC_TELEMETRY_HOME=$home "$launcher" --version >/dev/null 2>"$dir/build-jar.log" \
    || { echo "cannot build or run the jar; see $dir/build-jar.log" >&2; return 2; }
  CC_TELEMETRY_HOME=$home DISPLAY= WAYLAND_DISPLAY= "$launcher" dashboard --no-open "$@" >"$out" \
    2>"$dir/dashboard.err" &
  pid=$!
  for _ in $(seq 1 600); do [ "$(wc -l <"$out")" -ge 2 ] && break; sleep 0.2; done
  url=$(head -n1 "$out")
  [ -n "$url" ] || { echo "the dashboard printed no URL:" >&2; cat "$dir/dashboard.err" >&2; kill "$pid"; return 2; }
  # The launcher execs java: the pid is the JVM's.
  echo "dashboard pid $pid at ${url%%\?*}"
  # shellcheck disable=SC2086
  "$JAVA" "$QUIET" -cp "$cp" dev.cctelemetry.web.bench.DashboardBench "$url" "$rounds" ${DASHBOARD_BENCH_ARGS:-} \
    2>"$dir/bench.err" || { echo "DashboardBench failed: $(tail -n3 "$dir/bench.err")" >&2; }
  echo "dashboard RSS: $(awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' /proc/$pid/status)"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null
  return 0
}
