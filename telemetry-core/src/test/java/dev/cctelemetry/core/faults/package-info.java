/** Fault and hostile-input tests of the ingest: fuzzed lines, broken and malicious transcript trees. */
package dev.cctelemetry.core.faults;
