package dev.cctelemetry.core.query;

/** What {@link dev.cctelemetry.core.port.out.UsageQueries#groups} groups requests by. */
public enum GroupDimension {
    /**
     * Claude Code's encoded project folder; the row's label is the latest non-empty working directory seen in it
     * ("" when none; among requests of the same millisecond, the greatest).
     */
    PROJECT,
    /** Model label: the model id, or {@code <model>-fast} for fast-mode responses; the label equals the key. */
    MODEL,
    /** Machine id; the label is the machine's name. */
    MACHINE
}
