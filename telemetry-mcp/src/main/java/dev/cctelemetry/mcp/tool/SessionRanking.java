package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.core.query.SessionOrder;

/** What {@code top_sessions} ranks by. */
public enum SessionRanking {
    COST(SessionOrder.COST), TOKENS(SessionOrder.TOKENS), RECENT(SessionOrder.LAST_ACTIVITY),
    LONGEST(SessionOrder.DURATION);

    private final SessionOrder order;

    SessionRanking(SessionOrder order) {
        this.order = order;
    }

    /** The query's order (always largest or latest first). */
    SessionOrder order() {
        return order;
    }
}
