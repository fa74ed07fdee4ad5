package dev.cctelemetry.app.sync;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the sync summaries print them: exactly what {@code String.format(Locale.ROOT, "%,d")} and
 * {@code "%.Nf"} give, without {@code java.util.Formatter}, whose pattern compiler and number formats took a
 * sixth of a quick sync's time to load. ({@code FiguresTest} compares the two on random values.)
 */
public final class Figures {

    private Figures() {
    }

    /** {@code n} with commas between thousands: {@code %,d}. */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int count = digits.length() - sign;
        if (count <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + count / 3);
        out.append(digits, 0, sign);
        int first = count % 3 == 0 ? 3 : count % 3;
        out.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** {@code n} grouped, then the noun in the number it takes: {@code 1 file}, {@code 0 files}, {@code 2,048 files}. */
    public static String counted(long n, String one, String many) {
        return grouped(n) + " " + (n == 1 ? one : many);
    }

    /**
     * {@code value} with {@code decimals} digits after the point: {@code %.Nf}, which rounds half up the
     * shortest decimal that names the double (as {@code Double.toString} writes it), not its exact binary value.
     */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : value < 0 ? "-Infinity" : "NaN";
        }
        String plain = new BigDecimal(Double.toString(Math.abs(value))).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        return value < 0 || (value == 0 && 1 / value < 0) ? "-" + plain : plain;
    }
}
