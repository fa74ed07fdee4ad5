package dev.cctelemetry.core.query;

import java.util.Objects;

/**
 * One page of a sorted sessions table.
 *
 * @param order what to sort by
 * @param descending largest (or latest) first
 * @param offset sessions to skip, from 0
 * @param limit most sessions to return, positive
 */
public record SessionQuery(SessionOrder order, boolean descending, int offset, int limit) {

    /** Every session, by last activity, most recent last (the {@code report sessions} order). */
    public static final SessionQuery ALL = new SessionQuery(SessionOrder.LAST_ACTIVITY, false, 0, Integer.MAX_VALUE);

    public SessionQuery {
        Objects.requireNonNull(order, "order is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
