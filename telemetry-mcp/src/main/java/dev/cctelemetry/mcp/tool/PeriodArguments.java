package dev.cctelemetry.mcp.tool;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The period arguments every tool shares ({@code period}, {@code days}, {@code since}, {@code until}) and what
 * they mean today in the user's zone. Weeks start on the day {@code report weekly} starts them (Sunday, ccusage's
 * default), so "this week" here is the row {@code report weekly} shows last.
 */
public final class PeriodArguments {

    private final Clock clock;
    private final UserZone zone;

    @Inject
    PeriodArguments(Clock clock, UserZone zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The schema of the period arguments. */
    public static InputSchema schema() {
        return InputSchema.object()
                .choice("period", PeriodName.class, "Which dates: today, yesterday, this_week, last_week"
                        + " (weeks start on Sunday), this_month, last_month, last_days (with days), range (with"
                        + " since and/or until) or all. Dates are in the user's time zone. Default: today.")
                .integer("days", 1, 3660, "For period last_days: how many days, today included (default 7).")
                .date("since", "For period range: first date included, YYYY-MM-DD (open when left out).")
                .date("until", "For period range: last date included, YYYY-MM-DD (open when left out).");
    }

    /** Today's date in the user's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.zone());
    }

    /** The period the arguments name ({@code fallback} when none is named). */
    public LocalPeriod read(ToolArguments args, PeriodName fallback) {
        PeriodName name = args.choice("period", PeriodName.class).orElse(fallback);
        LocalDate today = today();
        DayOfWeek weekStart = DayOfWeek.SUNDAY;
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(weekStart));
        return switch (name) {
            case TODAY -> LocalPeriod.of("today", today, today, zone.zone());
            case YESTERDAY -> LocalPeriod.of("yesterday", today.minusDays(1), today.minusDays(1), zone.zone());
            case THIS_WEEK -> LocalPeriod.of("this week", thisWeek, thisWeek.plusDays(6), zone.zone());
            case LAST_WEEK -> LocalPeriod.of("last week", thisWeek.minusWeeks(1), thisWeek.minusDays(1), zone.zone());
            case THIS_MONTH -> LocalPeriod.of("this month", today.withDayOfMonth(1),
                    today.with(TemporalAdjusters.lastDayOfMonth()), zone.zone());
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield LocalPeriod.of("last month", first, first.with(TemporalAdjusters.lastDayOfMonth()),
                        zone.zone());
            }
            case LAST_DAYS -> {
                int days = args.integer("days", 1, 3660).orElse(7);
                yield LocalPeriod.of(days == 1 ? "the last day" : "the last " + days + " days",
                        today.minusDays(days - 1L), today, zone.zone());
            }
            case RANGE -> range(args);
            case ALL -> new LocalPeriod("all time", Optional.empty(), Optional.empty(), zone.zone());
        };
    }

    private LocalPeriod range(ToolArguments args) {
        Optional<LocalDate> since = args.date("since");
        Optional<LocalDate> until = args.date("until");
        if (since.isEmpty() && until.isEmpty()) {
            throw new ToolInputException("period range needs since and/or until (YYYY-MM-DD)");
        }
        String label = since.map(LocalDate::toString).orElse("the beginning") + " to "
                + until.map(LocalDate::toString).orElse("now");
        return new LocalPeriod(label, since, until, zone.zone());
    }
}
