package dev.cctelemetry.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a finished report is shown (what it covers is {@link ReportOptions}): as a table or ccusage-shaped JSON,
 * in which order its rows come, and how wide a table may be.
 *
 * @param json JSON instead of a table
 * @param descending newest row first, ccusage's {@code --order desc}; rows are oldest first otherwise (models and
 *     projects are ordered by cost either way)
 * @param breakdown a line per model under each row of a table (ccusage's {@code --breakdown})
 * @param compact the compact table layout whatever the width (ccusage's {@code --compact})
 * @param width the terminal's columns: a table fits them ({@link ReportTableRenderer})
 */
public record ReportFormat(boolean json, boolean descending, boolean breakdown, boolean compact, int width) {

    /** The width a table gets when the terminal's is unknown (output to a file or a pipe): every column fits. */
    public static final int DEFAULT_WIDTH = 160;

    /** A table, oldest row first, {@link #DEFAULT_WIDTH} wide. */
    public static final ReportFormat TABLE = new ReportFormat(false, false, false, false, DEFAULT_WIDTH);

    public ReportFormat {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
    }

    /** The same format, for a terminal {@code columns} wide. */
    public ReportFormat withWidth(int columns) {
        return new ReportFormat(json, descending, breakdown, compact, columns);
    }

    /**
     * The report in this format's row order. Only reports whose rows follow time (days, weeks, months, sessions by
     * last activity, blocks) are turned round: models and projects stay most expensive first, as in ccusage, whose
     * {@code --order} is about dates too.
     */
    public <R extends ReportRow> Report<R> ordered(Report<R> report) {
        if (!descending || report.kind() == ReportKind.MODELS || report.kind() == ReportKind.PROJECTS) {
            return report;
        }
        List<R> rows = new ArrayList<>(report.rows());
        Collections.reverse(rows);
        return new Report<>(report.kind(), report.options(), rows, report.totals());
    }
}
