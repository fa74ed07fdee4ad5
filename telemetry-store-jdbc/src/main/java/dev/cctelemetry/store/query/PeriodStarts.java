package dev.cctelemetry.store.query;

import dev.cctelemetry.core.query.PeriodGrouping;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A calendar period's first date in SQL, as an epoch day, so that a store sums and counts distinct sessions per
 * period itself (sessions of a week cannot be added up from its days). Integer arithmetic only.
 */
final class PeriodStarts {

    private PeriodStarts() {
    }

    /**
     * The epoch day of the first date of the period {@code local} falls in ({@link PeriodGrouping#periodStart}),
     * {@code local} being an SQL expression of local epoch milliseconds of instants between {@code min} and
     * {@code max}.
     */
    static String of(PeriodGrouping grouping, String local, long min, long max) {
        String day = LocalMillis.floorDiv(local, LocalMillis.DAY);
        return switch (grouping.unit()) {
            case DAY -> day;
            // 1970-01-01 (day 0) was a Thursday, ISO day 4: days since the week's first day = (day + 4 - first) mod 7.
            case WEEK -> "(" + day + " - ((((" + day + " + " + (4 - grouping.weekStart().getValue()) + ") % 7) + 7)"
                    + " % 7))";
            case MONTH -> months(grouping, day, min, max);
        };
    }

    /** A {@code CASE} over the first days of the months from {@code min}'s to {@code max}'s, latest first. */
    private static String months(PeriodGrouping grouping, String day, long min, long max) {
        LocalDate first = grouping.periodStart(LocalDate.ofInstant(Instant.ofEpochMilli(min), grouping.zone())
                .minusDays(1));
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(max), grouping.zone()).plusDays(1);
        StringBuilder whens = new StringBuilder();
        for (LocalDate m = grouping.periodStart(last); m.isAfter(first); m = m.minusMonths(1)) {
            whens.append(" WHEN ").append(day).append(" >= ").append(m.toEpochDay()).append(" THEN ")
                    .append(m.toEpochDay());
        }
        return whens.isEmpty() ? String.valueOf(first.toEpochDay()) // one month holds every record
                : "(CASE" + whens + " ELSE " + first.toEpochDay() + " END)";
    }
}
