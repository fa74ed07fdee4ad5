package dev.cctelemetry.web.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The date presets of the filter bar, resolved against today's date in the filter's zone, so a bookmarked
 * {@code ?range=7d} always shows the latest seven days.
 */
public enum DateRange {
    /** Today only. */
    TODAY("today"),
    /** The last 7 days, today included. */
    LAST_7_DAYS("7d"),
    /** The last 30 days, today included. */
    LAST_30_DAYS("30d"),
    /** The last 90 days, today included. */
    LAST_90_DAYS("90d"),
    /** From the first of this month to today. */
    THIS_MONTH("month"),
    /** No bounds. */
    ALL("all");

    private final String key;

    DateRange(String key) {
        this.key = key;
    }

    /** The value of {@code ?range=}. */
    public String key() {
        return key;
    }

    /** The preset named by {@code ?range=}, if any. */
    public static Optional<DateRange> ofKey(String key) {
        for (DateRange r : values()) {
            if (r.key.equals(key.toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The first date of the range ending {@code today}; empty for {@link #ALL}. */
    public Optional<LocalDate> from(LocalDate today) {
        return switch (this) {
            case TODAY -> Optional.of(today);
            case LAST_7_DAYS -> Optional.of(today.minusDays(6));
            case LAST_30_DAYS -> Optional.of(today.minusDays(29));
            case LAST_90_DAYS -> Optional.of(today.minusDays(89));
            case THIS_MONTH -> Optional.of(today.withDayOfMonth(1));
            case ALL -> Optional.empty();
        };
    }

    /** The last date of the range: today, or empty for {@link #ALL} (records dated later still count). */
    public Optional<LocalDate> to(LocalDate today) {
        return this == ALL ? Optional.empty() : Optional.of(today);
    }
}
