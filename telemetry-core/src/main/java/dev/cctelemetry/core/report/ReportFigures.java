package dev.cctelemetry.core.report;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as the report tables print them, for every front end that shows the same figures (the dashboard
 * prints exactly what {@code report} prints): token counts with commas between thousands ({@code 26,997,006})
 * and dollars with two decimals ({@code $54.58}, rounded half up from the shortest decimal of the double).
 */
public final class ReportFigures {

    private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{8}(?=$|-fast$)");

    private ReportFigures() {
    }

    /**
     * A count with thousands separators, as {@code %,d} in {@link Locale#ROOT} prints it. Built by hand: a table
     * of 5,000 sessions has 25,000 such cells, and {@link String#format} parsed its pattern for each (80 of a
     * 290 ms {@code report sessions} at 1M records).
     */
    public static String count(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + (length - 1) / 3);
        int head = sign + (length % 3 == 0 ? 3 : length % 3);
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** US dollars with thousands separators and cents: {@code $%,.2f}. */
    public static String money(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }

    /** {@code claude-sonnet-4-20250514} → {@code sonnet-4}: the part that tells models apart. */
    public static String shortModel(String model) {
        String s = model.startsWith("claude-") ? model.substring("claude-".length()) : model;
        return DATE_SUFFIX.matcher(s).replaceFirst("");
    }

    /** {@code 2h 5m}, or {@code 3d 4h} once a day or more (gaps can last months). */
    public static String hoursMinutes(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
}
