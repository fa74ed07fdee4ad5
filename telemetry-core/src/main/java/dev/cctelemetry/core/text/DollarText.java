package dev.cctelemetry.core.text;

/**
 * Dollars as every cc-telemetry line prints them, {@code $1,234.56}, written without {@link java.util.Formatter}
 * (whose pattern compiler and number formats cost a short-lived process more than the rest of its work): for a
 * cost in picodollars, the cents rounded half up, exactly what {@code String.format("$%,.2f")} gives for that
 * many dollars (DollarTextTest holds them equal).
 */
public final class DollarText {

    private static final long PICOS_PER_CENT = 10_000_000_000L;

    private DollarText() {
    }

    /** {@code picos} picodollars as {@code $1,234.56} ({@code -$0.50} below zero). */
    public static String ofPicos(long picos) {
        long abs = picos == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(picos);
        long cents = abs / PICOS_PER_CENT + (abs % PICOS_PER_CENT >= PICOS_PER_CENT / 2 ? 1 : 0);
        StringBuilder out = new StringBuilder(16);
        if (picos < 0 && cents > 0) {
            out.append('-');
        }
        out.append('$');
        grouped(out, cents / 100);
        long c = cents % 100;
        return out.append('.').append((char) ('0' + c / 10)).append((char) ('0' + c % 10)).toString();
    }

    /** {@code n} (not negative) with commas between thousands. */
    private static void grouped(StringBuilder out, long n) {
        String digits = Long.toString(n);
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
    }
}
