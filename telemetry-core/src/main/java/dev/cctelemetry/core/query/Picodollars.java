package dev.cctelemetry.core.query;

/**
 * Costs as whole picodollars (10<sup>-12</sup> USD), the unit every query sums in. Integer sums are exact and do
 * not depend on the order of addition, so a day, its hours and the month around it add up to the same last digit
 * in every store; one picodollar is a millionth of the cheapest token's price, far below anything shown.
 *
 * <p>{@link #of} rounds exactly as SQLite's {@code CAST(round(x * 1e12) AS INTEGER)} does (half away from zero,
 * saturating at the range of a {@code long}), so a sum made in SQL and one made in Java agree bit for bit.
 */
public final class Picodollars {

    /** Picodollars per dollar. */
    public static final double PER_USD = 1e12;

    private Picodollars() {
    }

    /** {@code usd} in picodollars, rounded half away from zero. */
    public static long of(double usd) {
        double x = usd * PER_USD;
        // SQLite's roundFunc: (double)(sqlite_int64)(x + 0.5) for x >= 0, its mirror below; the cast saturates.
        return x >= 0 ? (long) (x + 0.5) : -(long) (-x + 0.5);
    }

    /** {@code picos} in US dollars. */
    public static double usd(long picos) {
        return picos / PER_USD;
    }
}
