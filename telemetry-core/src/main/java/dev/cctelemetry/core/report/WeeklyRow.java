package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Usage of one local week.
 *
 * @param weekStart the week's first date in the report zone (the configured first day of the week)
 * @param usage the week's usage
 */
public record WeeklyRow(LocalDate weekStart, UsageSummary usage) implements ReportRow {

    public WeeklyRow {
        Objects.requireNonNull(weekStart, "weekStart is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    /** The week's first date, {@code YYYY-MM-DD} (ccusage's {@code week}). */
    @Override
    public String label() {
        return weekStart.toString();
    }
}
