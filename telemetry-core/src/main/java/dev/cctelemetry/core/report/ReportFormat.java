package dev.cctelemetry.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a finished report is shown (what it covers is {@link ReportOptions}): as a table or ccusage-shaped JSON,
 * and in which order its rows come.
 *
 * @param json JSON instead of a table
 * @param descending newest (or last) row first, ccusage's {@code --order desc}; rows are oldest first otherwise
 */
public record ReportFormat(boolean json, boolean descending) {

    /** A table, oldest row first. */
    public static final ReportFormat TABLE = new ReportFormat(false, false);

    /** The report in this format's row order. */
    public <R extends ReportRow> Report<R> ordered(Report<R> report) {
        if (!descending) {
            return report;
        }
        List<R> rows = new ArrayList<>(report.rows());
        Collections.reverse(rows);
        return new Report<>(report.kind(), report.options(), rows, report.totals());
    }
}
