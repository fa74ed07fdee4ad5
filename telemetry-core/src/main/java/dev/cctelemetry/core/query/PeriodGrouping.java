package dev.cctelemetry.core.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * How requests are grouped into calendar periods.
 *
 * @param unit day, week or month
 * @param zone the zone whose calendar decides dates
 * @param weekStart the first day of a week (ccusage's {@code --start-of-week}; it defaults to Sunday); used by
 *     {@link PeriodUnit#WEEK} only
 */
public record PeriodGrouping(PeriodUnit unit, ZoneId zone, DayOfWeek weekStart) {

    public PeriodGrouping {
        Objects.requireNonNull(unit, "unit is null");
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(weekStart, "weekStart is null");
    }

    /** Local dates of {@code zone}. */
    public static PeriodGrouping days(ZoneId zone) {
        return new PeriodGrouping(PeriodUnit.DAY, zone, DayOfWeek.SUNDAY);
    }

    /** Weeks of {@code zone} starting on {@code weekStart}. */
    public static PeriodGrouping weeks(ZoneId zone, DayOfWeek weekStart) {
        return new PeriodGrouping(PeriodUnit.WEEK, zone, weekStart);
    }

    /** Local months of {@code zone}. */
    public static PeriodGrouping months(ZoneId zone) {
        return new PeriodGrouping(PeriodUnit.MONTH, zone, DayOfWeek.SUNDAY);
    }

    /** The first date of the period {@code date} falls in. */
    public LocalDate periodStart(LocalDate date) {
        return switch (unit) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTH -> date.withDayOfMonth(1);
        };
    }
}
