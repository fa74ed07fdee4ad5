package dev.cctelemetry.mcp.tool;

/** The periods a tool call can name; {@code LAST_DAYS} takes {@code days}, {@code RANGE} takes since/until. */
public enum PeriodName {
    TODAY, YESTERDAY, THIS_WEEK, LAST_WEEK, THIS_MONTH, LAST_MONTH, LAST_DAYS, RANGE, ALL
}
