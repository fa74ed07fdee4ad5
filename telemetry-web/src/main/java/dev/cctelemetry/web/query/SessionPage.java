package dev.cctelemetry.web.query;

import java.util.List;

/**
 * One page of the sessions table.
 *
 * @param rows the sessions on this page, in the requested order
 * @param total how many sessions match the filter across all pages
 */
public record SessionPage(List<SessionSummary> rows, long total) {

    public SessionPage {
        rows = List.copyOf(rows);
    }
}
