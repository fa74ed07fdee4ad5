# Sourced by bench scripts: web_test_classpath DIR prints the classpath of telemetry-web's test classes (the
# dashboard's bench helpers, LedgerFill and DashboardBench), building them first when DIR has no classpath yet.
# Needs REPO.
web_test_classpath() {
  local cp_file=$1/classpath.txt
  if [ ! -s "$cp_file" ]; then
    (cd "$REPO" && ./mvnw -q -B -o -pl telemetry-web -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test) >"$1/build.log" 2>&1 \
      || { echo "cannot build the web module's test classes; see $1/build.log" >&2; return 2; }
  fi
  printf '%s\n' "$REPO/telemetry-web/target/test-classes:$REPO/telemetry-web/target/classes:$(cat "$cp_file")"
}
