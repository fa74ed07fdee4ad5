package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;

/** One row of a report: what it groups by, and the usage of that group. */
public sealed interface ReportRow
        permits DailyRow, WeeklyRow, MonthlyRow, SessionRow, ProjectRow, ModelRow, BlockRow {

    /** The group's key as a user reads it (a date, a session id, a model …). */
    String label();

    /** Tokens, cost and models of the group. */
    UsageSummary usage();
}
