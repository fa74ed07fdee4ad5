#!/usr/bin/env bash
# Installs the external tools the end-to-end tests drive (the real Claude Code CLI and ccusage)
# into <repo>/.tools, which is gitignored. Idempotent: re-running skips what is already installed.
# Intended to run as root on a fresh Debian machine; installs Node/npm through apt only when npm is missing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLAUDE_CODE_VERSION="2.1.328"
CCUSAGE_VERSION="20.0.24"

if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found; installing nodejs and npm with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y nodejs npm
fi

# systemd-analyze verifies the generated systemd user unit in telemetry-platform-unix's tests.
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-analyze not found; installing Debian's systemd package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends systemd || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends systemd; }
fi

# tmux drives the interactive setup wizard in a real terminal (SetupWizardTmuxIT) and interactive Claude Code
# sessions whose status line the tests read (ClaudeTmuxSessionTest, StatuslineClaudeCodeIT).
if ! command -v tmux >/dev/null 2>&1; then
  echo "tmux not found; installing Debian's tmux package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tmux || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tmux; }
fi

# strace checks the mode of each file the moment it is created (FileCreationTrace: issue 18.1 / 17.1 tests).
if ! command -v strace >/dev/null 2>&1; then
  echo "strace not found; installing Debian's strace package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends strace || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends strace; }
fi

# Debian's Chromium and its chromedriver drive the dashboard's browser tests (telemetry-web, headless, offline).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "chromium or chromedriver not found; installing Debian's chromium and chromium-driver packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver; }
fi

# A second JDK, 25 (the current LTS): .ci/run runs the tests on it as well, and JvmWarningsIT checks that no command
# prints a JVM warning on it. Temurin from Adoptium's apt repository when neither it nor Debian's openjdk-25 is there.
if ! bash "$REPO/.ci/jdk25-home.sh" >/dev/null 2>&1; then
  echo "no JDK 25 found; installing one" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends openjdk-25-jdk-headless >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends wget gpg ca-certificates apt-transport-https
    wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor --yes -o /usr/share/keyrings/adoptium.gpg
    echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb $(. /etc/os-release && echo "$VERSION_CODENAME") main" \
      >/etc/apt/sources.list.d/adoptium.list
    apt-get update
    apt-get install -y temurin-25-jdk
  fi
  bash "$REPO/.ci/jdk25-home.sh"
fi

# Debian's prometheus package provides promtool, which validates the /metrics exposition (MetricsIT).
if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool not found; installing Debian's prometheus package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus; }
fi

installed_version() {
  # Prints the version recorded in the installed package.json, or nothing when absent.
  local pkg_json="$REPO/.tools/node_modules/$1/package.json"
  if [ -f "$pkg_json" ]; then
    node -e 'process.stdout.write(require(process.argv[1]).version)' "$pkg_json"
  fi
}

if [ "$(installed_version @anthropic-ai/claude-code)" = "$CLAUDE_CODE_VERSION" ] \
   && [ "$(installed_version ccusage)" = "$CCUSAGE_VERSION" ] \
   && [ -x "$REPO/.tools/node_modules/.bin/claude" ]; then
  echo "tools already installed in $REPO/.tools"
  exit 0
fi

mkdir -p "$REPO/.tools"
npm install --prefix "$REPO/.tools" --no-audit --no-fund \
  "@anthropic-ai/claude-code@$CLAUDE_CODE_VERSION" "ccusage@$CCUSAGE_VERSION"

"$REPO/.tools/node_modules/.bin/claude" --version
