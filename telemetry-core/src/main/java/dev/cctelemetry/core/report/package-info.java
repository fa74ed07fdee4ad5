/**
 * Reports over usage: daily, weekly, monthly, sessions, projects, models and 5-hour blocks.
 *
 * <p>{@link dev.cctelemetry.core.report.ReportService} asks a store's
 * {@link dev.cctelemetry.core.port.out.UsageQueries} for the rows, grouped the way ccusage 20.0.24 groups them
 * (including its block rule); {@link dev.cctelemetry.core.report.ReportJsonWriter} and
 * {@link dev.cctelemetry.core.report.ReportTableRenderer} turn a finished report into ccusage-compatible JSON or
 * plain-text tables. {@link dev.cctelemetry.core.report.RecordStreamQueries} answers the same queries by reading
 * records one by one (stores without SQL, and the reference the SQL adapters are held to). Nothing here does I/O
 * beyond reading the record source and writing to a given writer.
 */
package dev.cctelemetry.core.report;
