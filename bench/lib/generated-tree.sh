# Sourced by bench scripts: generated_tree DIR SIZE_MIB prints the path of a TranscriptTreeGenerator tree (seed 42)
# of that size under DIR, generating it first when absent, with its files in the page cache. Needs REPO and JAVA.
generated_tree() {
  local tree=$1/tree-${2}mib
  if [ ! -d "$tree/projects" ]; then
    "$JAVA" -cp "$REPO/telemetry-core/target/classes:$REPO/telemetry-core/target/test-classes" \
      dev.cctelemetry.testing.TranscriptTreeGenerator "$tree" "$2" 42 >/dev/null 2>"$1/generate.err" \
      || { cat "$1/generate.err" >&2; return 2; }
  fi
  find "$tree/projects" -name '*.jsonl' -exec cat {} + >/dev/null
  printf '%s\n' "$tree"
}
