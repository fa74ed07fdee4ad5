package dev.cctelemetry.core.query;

import java.util.Comparator;

/** What a sessions table is sorted by; ties are broken by last activity, then session id, both ascending. */
public enum SessionOrder {
    /** Time of the last request. */
    LAST_ACTIVITY(Comparator.comparing(SessionUsage::lastActivity)),
    /** Time of the first request. */
    FIRST_ACTIVITY(Comparator.comparing(SessionUsage::firstActivity)),
    /** From first to last request. */
    DURATION(Comparator.comparing(SessionUsage::duration)),
    /** Cost. */
    COST(Comparator.comparingLong(s -> s.usage().costPicos())),
    /** All tokens. */
    TOKENS(Comparator.comparingLong(s -> s.usage().totalTokens())),
    /** Requests. */
    REQUESTS(Comparator.comparingLong(s -> s.usage().requests())),
    /** Working directory (the project folder where none is known), then project folder. */
    PROJECT(Comparator.comparing((SessionUsage s) -> s.cwd().isEmpty() ? s.projectDir() : s.cwd())
            .thenComparing(SessionUsage::projectDir)),
    /** Machine name. */
    MACHINE(Comparator.comparing(SessionUsage::machineName));

    private static final Comparator<SessionUsage> TIE_BREAK = Comparator.comparing(SessionUsage::lastActivity)
            .thenComparing(SessionUsage::sessionId);

    private final Comparator<SessionUsage> primary;

    SessionOrder(Comparator<SessionUsage> primary) {
        this.primary = primary;
    }

    /** The full order: this key ascending or descending, then the tie-breaks (always ascending). */
    public Comparator<SessionUsage> comparator(boolean descending) {
        return (descending ? primary.reversed() : primary).thenComparing(TIE_BREAK);
    }
}
