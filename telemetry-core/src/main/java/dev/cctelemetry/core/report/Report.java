package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.util.List;
import java.util.Objects;

/**
 * A finished report: its rows in display order and the totals over them.
 *
 * @param kind which report this is
 * @param options the options it was made with (zone and range, for rendering)
 * @param rows the rows, in the report's order
 * @param totals what the report's requests add up to; for blocks, the blocks' sum (a session that spans blocks
 *     is then counted once per block)
 * @param <R> the row type
 */
public record Report<R extends ReportRow>(ReportKind kind, ReportOptions options, List<R> rows,
        UsageSummary totals) {

    public Report {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(options, "options is null");
        rows = List.copyOf(rows);
        Objects.requireNonNull(totals, "totals is null");
    }
}
