package dev.cctelemetry.core.query;

import java.util.List;
import java.util.Objects;

/**
 * A page of sessions and what the whole selection adds up to.
 *
 * @param sessions the page's sessions, in the query's order
 * @param total how many sessions the filter selects (on every page)
 * @param totals usage of all selected sessions (on every page)
 */
public record SessionPage(List<SessionUsage> sessions, long total, UsageSummary totals) {

    public SessionPage {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(totals, "totals is null");
    }
}
