package dev.cctelemetry.core.usage;

/** What one transcript line turned out to be. */
public sealed interface ParsedLine {

    /** An assistant line with usage: one copy of an API response (not yet priced). */
    record Usage(UsageRecord record) implements ParsedLine {
    }

    /** Claude Code's per-session {@code cost-state} line. */
    record CostState(SessionCostState state) implements ParsedLine {
    }

    /** A line that carries no usage (user, system, summary, progress …): nothing to do. */
    record Ignored() implements ParsedLine {
    }

    /** A line that looked like usage but could not be read; counted and skipped. */
    record Malformed(String reason) implements ParsedLine {
    }

    /** The shared {@link Ignored} instance. */
    ParsedLine IGNORED = new Ignored();
}
