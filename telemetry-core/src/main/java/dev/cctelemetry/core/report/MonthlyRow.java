package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageSummary;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Usage of one local calendar month.
 *
 * @param month the month in the report zone
 * @param usage the month's usage
 */
public record MonthlyRow(YearMonth month, UsageSummary usage) implements ReportRow {

    public MonthlyRow {
        Objects.requireNonNull(month, "month is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    /** {@code YYYY-MM}. */
    @Override
    public String label() {
        return month.toString();
    }
}
