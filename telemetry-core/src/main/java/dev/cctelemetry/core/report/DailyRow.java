package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Usage of one local calendar date.
 *
 * @param date the date in the report zone
 * @param usage the day's usage
 */
public record DailyRow(LocalDate date, UsageSummary usage) implements ReportRow {

    public DailyRow {
        Objects.requireNonNull(date, "date is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    @Override
    public String label() {
        return date.toString();
    }
}
