package dev.cctelemetry.app.state;

import java.time.Instant;

/**
 * An instant written as {@link Instant#toString} writes it ({@code 2026-03-04T05:06:07.120Z}: UTC, seconds always,
 * the fraction in groups of three digits when there is one), for years 0 to 9999, without initializing
 * {@code java.time.format}: its formatters' set-up was an eighth of a quick sync. ({@code IsoInstantTest} holds the
 * two equal.)
 */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    /** The text {@code Instant.toString} gives. */
    static String format(Instant t) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (the inverse of IsoTimestamp's count; years start in March).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return t.toString(); // beyond four-digit years the text has a sign or more digits: java.time's own
        }
        StringBuilder out = new StringBuilder(30);
        pad(out, year, 4).append('-');
        pad(out, month, 2).append('-');
        pad(out, day, 2).append('T');
        pad(out, secondOfDay / 3600, 2).append(':');
        pad(out, secondOfDay / 60 % 60, 2).append(':');
        pad(out, secondOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(out, nanos / 1000, 6);
            } else {
                pad(out, nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
