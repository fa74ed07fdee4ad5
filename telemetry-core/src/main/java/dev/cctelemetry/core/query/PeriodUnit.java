package dev.cctelemetry.core.query;

/** Calendar periods usage is grouped into, in a time zone. */
public enum PeriodUnit {
    /** A local calendar date. */
    DAY,
    /** Seven local dates from the configured first day of the week. */
    WEEK,
    /** A local calendar month. */
    MONTH
}
