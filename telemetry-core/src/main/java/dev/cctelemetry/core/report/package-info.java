/**
 * Reports over usage records: daily, monthly, sessions, projects, models and 5-hour blocks.
 *
 * <p>{@link dev.cctelemetry.core.report.ReportService} groups deduplicated, priced records the way ccusage
 * 20.0.24 does (including its block rule); {@link dev.cctelemetry.core.report.ReportJsonWriter} and
 * {@link dev.cctelemetry.core.report.ReportTableRenderer} turn a finished report into ccusage-compatible JSON or
 * plain-text tables. Nothing here does I/O beyond reading the record source and writing to a given writer.
 */
package dev.cctelemetry.core.report;
