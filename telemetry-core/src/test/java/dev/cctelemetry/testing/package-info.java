/**
 * Test fixtures shipped in the core test-jar: a generator of realistic synthetic Claude Code config trees
 * ({@link dev.cctelemetry.testing.TranscriptTreeGenerator}) with their exact expected token totals, for tests and
 * for the benchmark against ccusage ({@code bench/run-bench.sh}).
 */
package dev.cctelemetry.testing;
