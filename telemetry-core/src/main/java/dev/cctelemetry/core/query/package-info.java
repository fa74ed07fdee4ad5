/**
 * The aggregate query model shared by every front end (reports, dashboard, MCP tools, status line, metrics):
 * what to select ({@link dev.cctelemetry.core.query.UsageFilter}), how to group it, and the rows that come back
 * ({@link dev.cctelemetry.core.query.UsageSummary} and the records that carry it).
 *
 * <p>One definition everywhere: a <em>request</em> is a stored usage record with at least one token (one Claude
 * API response; the {@code <synthetic>} placeholders Claude Code writes locally carry none and count nowhere), and
 * a <em>session</em> is a session id with at least one request. Costs are summed exactly, in whole picodollars
 * ({@link dev.cctelemetry.core.query.Picodollars}), so a total equals the sum of its rows to the last digit in
 * every store and grouping.
 *
 * <p>The port that answers these queries is {@link dev.cctelemetry.core.port.out.UsageQueries}. Nothing here
 * does I/O.
 */
package dev.cctelemetry.core.query;
