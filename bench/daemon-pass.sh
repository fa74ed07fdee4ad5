#!/usr/bin/env bash
# Daemon reconciliation cost: one pass over a 10,000-file tree with nothing new (in-process, excluding JVM start),
# and proof that a pass re-reads no ingested bytes (bytesRead == 0). Prints figures; no assertion on speed.
#
# Usage: bench/daemon-pass.sh [files]     (default 10000)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FILES=${1:-10000}
cd "$REPO"
./mvnw -B -o test -pl telemetry-cli -am -Dtest=DaemonPassBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcct.bench.files="$FILES" -DtrimStackTrace=false 2>&1 | grep -E 'daemon pass benchmark|Tests run:|FAIL' || true
