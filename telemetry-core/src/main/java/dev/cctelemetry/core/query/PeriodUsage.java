package dev.cctelemetry.core.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Usage of one calendar period.
 *
 * @param unit day, week or month
 * @param start its first local date
 * @param usage its usage
 */
public record PeriodUsage(PeriodUnit unit, LocalDate start, UsageSummary usage) {

    public PeriodUsage {
        Objects.requireNonNull(unit, "unit is null");
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(usage, "usage is null");
    }

    /** Its last local date. */
    public LocalDate end() {
        return switch (unit) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
        };
    }

    /** {@code 2025-08-01} for a day or a week (its first date), {@code 2025-08} for a month. */
    public String label() {
        return unit == PeriodUnit.MONTH ? YearMonth.from(start).toString() : start.toString();
    }
}
