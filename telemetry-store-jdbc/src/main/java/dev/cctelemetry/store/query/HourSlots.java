package dev.cctelemetry.store.query;

/**
 * Hour slots of time, the grain a store may pre-sum records at and still answer a query exactly when the zone's
 * offsets are whole hours (nearly every zone: see {@link LocalMillis#wholeHours}): then no local date or hour
 * splits an hour, and a billing block (starting on a whole hour, lasting whole hours) ends on one. Each hour has
 * two slots: its first millisecond alone (a record there may be the last of a block that the next record leaves),
 * then the rest. Slot numbers grow with time.
 */
public final class HourSlots {

    /** An hour in milliseconds. */
    public static final long HOUR = LocalMillis.HOUR;

    private HourSlots() {
    }

    /** The slot of {@code millis}, an SQL expression of epoch milliseconds; integer arithmetic only. */
    public static String of(String millis) {
        return "(" + LocalMillis.floorDiv(millis, HOUR) + " * 2 + CASE WHEN " + millis + " = "
                + LocalMillis.floorDiv(millis, HOUR) + " * " + HOUR + " THEN 0 ELSE 1 END)";
    }

    /** The hour of {@code millis} (an SQL expression) counted from the epoch: its slots are 2h and 2h + 1. */
    public static String hour(String millis) {
        return LocalMillis.floorDiv(millis, HOUR);
    }

    /** The first millisecond of the hour of {@code millis} (an SQL expression). */
    public static String hourStart(String millis) {
        return "(" + LocalMillis.floorDiv(millis, HOUR) + " * " + HOUR + ")";
    }

    /** The first millisecond of the hour that holds the slot {@code slot} (an SQL expression of a slot number). */
    public static String slotHourStart(String slot) {
        return "(" + LocalMillis.floorDiv(slot, 2) + " * " + HOUR + ")";
    }

    /** The first slot of the hour that holds {@code millis}: every slot before it ends before that hour. */
    public static long firstSlotOfHour(long millis) {
        return Math.floorDiv(millis, HOUR) * 2;
    }

    /** Whether {@code millis} lies on a whole hour, so a range may start or end there in slots. */
    public static boolean onHour(long millis) {
        return Math.floorMod(millis, HOUR) == 0;
    }
}
