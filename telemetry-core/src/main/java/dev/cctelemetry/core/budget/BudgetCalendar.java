package dev.cctelemetry.core.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The current period of a budget in the user's zone: its first local date and its bounds as instants (a day of a
 * zone that changes its offset lasts 23 or 25 hours; the bounds are the zone's own start of each date).
 *
 * @param zone the zone whose calendar counts
 */
public record BudgetCalendar(ZoneId zone) {

    public BudgetCalendar {
        Objects.requireNonNull(zone, "zone is null");
    }

    /** The period of {@code budget} that holds {@code now}: first date, from, until. */
    public Window current(Budget budget, Instant now) {
        LocalDate start = budget.period().start(LocalDate.ofInstant(now, zone), budget.weekStart());
        LocalDate next = budget.period().next(start);
        return new Window(start, start.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }

    /**
     * One period.
     *
     * @param start its first local date
     * @param from its first instant
     * @param until the first instant of the next period
     */
    public record Window(LocalDate start, Instant from, Instant until) {
    }
}
