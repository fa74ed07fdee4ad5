package dev.cctelemetry.web.query;

/** What usage is grouped by in a side-by-side table. */
public enum Grouping {
    PROJECT, MODEL, MACHINE
}
