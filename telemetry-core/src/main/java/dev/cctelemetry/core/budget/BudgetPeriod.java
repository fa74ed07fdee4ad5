package dev.cctelemetry.core.budget;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** How long one budget period lasts: a calendar day, week or month of the user's zone. */
public enum BudgetPeriod {
    /** One local calendar day. */
    DAILY,
    /** One local week, starting on the budget's first day of the week. */
    WEEKLY,
    /** One local calendar month. */
    MONTHLY;

    /** The first date of the period holding {@code date}. */
    public LocalDate start(LocalDate date, DayOfWeek weekStart) {
        return switch (this) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTHLY -> date.withDayOfMonth(1);
        };
    }

    /** The first date of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
        };
    }

    /** {@code daily}, {@code weekly}, {@code monthly}: how config and command lines name it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code day}, {@code week}, {@code month}. */
    public String noun() {
        return switch (this) {
            case DAILY -> "day";
            case WEEKLY -> "week";
            case MONTHLY -> "month";
        };
    }

    /** The period named {@code key} ({@link #key()}), case-insensitively. */
    public static Optional<BudgetPeriod> fromKey(String key) {
        for (BudgetPeriod p : values()) {
            if (p.key().equalsIgnoreCase(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
