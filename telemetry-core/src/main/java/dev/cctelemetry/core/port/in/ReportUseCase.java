package dev.cctelemetry.core.port.in;

import dev.cctelemetry.core.report.BlockRow;
import dev.cctelemetry.core.report.DailyRow;
import dev.cctelemetry.core.report.ModelRow;
import dev.cctelemetry.core.report.MonthlyRow;
import dev.cctelemetry.core.report.ProjectRow;
import dev.cctelemetry.core.report.Report;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.SessionRow;
import dev.cctelemetry.core.report.WeeklyRow;

/**
 * Usage reports over deduplicated, priced records, grouped the way ccusage 20.0.24 groups them. Every report
 * carries a totals summary that lists models without a known price, so a cost of $0 is never silently wrong.
 * Reports never return null; with no matching requests the row list is empty and totals are 0. Rows without a
 * request (a day of only {@code <synthetic>} placeholders) are left out, as ccusage leaves them out.
 */
public interface ReportUseCase {

    /** Usage per local calendar date in {@link ReportOptions#zone()}, oldest first. */
    Report<DailyRow> daily(ReportOptions options);

    /**
     * Usage per local week in the report zone, weeks starting on {@link ReportOptions#weekStart()}, oldest first.
     */
    Report<WeeklyRow> weekly(ReportOptions options);

    /** Usage per local calendar month ({@code YYYY-MM}) in the report zone, oldest first. */
    Report<MonthlyRow> monthly(ReportOptions options);

    /**
     * Usage per session id, ordered by last activity (most recent last). The since/until range applies to the
     * session's last activity date, and a selected session counts all of its records.
     */
    Report<SessionRow> sessions(ReportOptions options);

    /** Usage per encoded project directory, most expensive first. */
    Report<ProjectRow> projects(ReportOptions options);

    /** Usage per model label ({@code <model>-fast} for fast mode), most expensive first. */
    Report<ModelRow> models(ReportOptions options);

    /**
     * ccusage's 5-hour billing blocks (with gap blocks), oldest first. Blocks are always built from the whole
     * history, then selected by the local date of their start, so a range never moves a block boundary.
     */
    Report<BlockRow> blocks(ReportOptions options);

    /** The report of the given kind; convenient for a command that takes the kind as an argument. */
    default Report<?> report(ReportKind kind, ReportOptions options) {
        return switch (kind) {
            case DAILY -> daily(options);
            case WEEKLY -> weekly(options);
            case MONTHLY -> monthly(options);
            case SESSIONS -> sessions(options);
            case PROJECTS -> projects(options);
            case MODELS -> models(options);
            case BLOCKS -> blocks(options);
        };
    }
}
