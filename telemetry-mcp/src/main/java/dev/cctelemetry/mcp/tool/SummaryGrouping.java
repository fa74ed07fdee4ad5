package dev.cctelemetry.mcp.tool;

/** How {@code usage_summary} splits a period into rows. */
public enum SummaryGrouping {
    NONE, DAY, WEEK, MONTH, PROJECT, MODEL, MACHINE
}
