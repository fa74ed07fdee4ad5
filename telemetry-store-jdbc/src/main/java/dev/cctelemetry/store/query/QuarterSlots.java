package dev.cctelemetry.store.query;

/**
 * Quarter-hour slots of time, the grain a store may pre-sum records at and still answer every query exactly:
 * every UTC offset in use is a whole number of quarter hours, so no local date or hour splits a quarter, and a
 * billing block (starting on a whole hour, lasting whole hours) ends on a quarter. Each quarter has two slots:
 * its first millisecond alone (a record there may be the last of a block that the next record leaves), then the
 * rest. Slot numbers grow with time.
 */
public final class QuarterSlots {

    /** A quarter hour in milliseconds. */
    public static final long QUARTER = 900_000L;

    private QuarterSlots() {
    }

    /** The slot of {@code millis}, an SQL expression of epoch milliseconds; integer arithmetic only. */
    public static String of(String millis) {
        return "(" + LocalMillis.floorDiv(millis, QUARTER) + " * 2 + CASE WHEN " + millis + " = "
                + LocalMillis.floorDiv(millis, QUARTER) + " * " + QUARTER + " THEN 0 ELSE 1 END)";
    }

    /** The first millisecond of the quarter of {@code millis} (an SQL expression). */
    public static String quarterStart(String millis) {
        return "(" + LocalMillis.floorDiv(millis, QUARTER) + " * " + QUARTER + ")";
    }

    /** Whether {@code millis} lies on a quarter hour, so a range may start or end there in slots. */
    public static boolean onQuarter(long millis) {
        return Math.floorMod(millis, QUARTER) == 0;
    }
}
