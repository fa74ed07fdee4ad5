package dev.cctelemetry.app.metrics;

import dev.cctelemetry.core.query.SyncMark;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One reading of the usage metrics.
 *
 * @param at when it was read (lags are measured to this instant)
 * @param scope what was read: this machine's ledger or every machine of the shared store
 * @param usage cumulative usage by machine, model and project, sorted by those labels
 * @param syncs each machine's latest sync by trigger and latest push
 */
public record UsageMetrics(Instant at, Scope scope, List<UsageSeries> usage, List<SyncMark> syncs) {

    /** The project label of every project outside the most expensive few. */
    public static final String OTHER_PROJECTS = "other";

    /** How many projects keep their own label by default: enough for a team, few enough for Prometheus. */
    public static final int DEFAULT_TOP_PROJECTS = 20;

    /** Where the figures come from. */
    public enum Scope {
        /** This machine's ledger. */
        LOCAL,
        /** The shared store: every machine that pushed. */
        REMOTE
    }

    public UsageMetrics {
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(scope, "scope is null");
        usage = List.copyOf(usage);
        syncs = List.copyOf(syncs);
    }
}
