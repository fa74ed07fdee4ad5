package dev.cctelemetry.web.query;

/** How usage over time is bucketed: local days, ISO weeks (Monday first) or calendar months. */
public enum Period {
    DAY, WEEK, MONTH
}
