package dev.cctelemetry.core.usage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps of transcript lines. Claude Code writes UTC instants with milliseconds
 * ({@code 2025-08-01T10:00:01.123Z}); those are read digit by digit here, because java.time's general parser
 * builds a map of fields for every call and was, after JSON itself, the largest cost of reading a transcript.
 * Every other shape (an offset instead of {@code Z}, a leap second, lower-case letters, no seconds) and every
 * invalid value goes to {@link Instant#parse}, then {@link OffsetDateTime#parse}: the result, or the exception,
 * is always theirs.
 */
final class IsoTimestamp {

    private static final int SECONDS_PER_DAY = 86_400;

    private IsoTimestamp() {
    }

    /**
     * The instant {@code s} names.
     *
     * @throws DateTimeParseException when it is not an ISO-8601 date-time with seconds and a zone or offset
     */
    static Instant parse(String s) {
        Instant fast = parseUtc(s);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant();
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, else null (the general parsers decide). */
    private static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null; // 2025-02-30 and the like: let the general parser word the error
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L
                + second, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Days from 1970-01-01 to a valid proleptic Gregorian date (years 0 to 9999 here), as {@code LocalDate}
     * counts them, without making one: a {@code LocalDate} per record was a good part of what parsing allocated.
     * Days before March are counted in the previous year, so that the leap day ends a year.
     */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
