#!/usr/bin/env bash
# Prints the home of a JDK 25 on this machine (CCT_JDK25_HOME if set, else Temurin's or Debian's usual folder) and
# exits 0; exits 1 when there is none.
for home in "${CCT_JDK25_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-*; do
  if [ -n "$home" ] && [ -x "$home/bin/java" ]; then
    printf '%s\n' "$home"
    exit 0
  fi
done
exit 1
