package dev.cctelemetry.store.query;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Local wall-clock time in SQL: epoch milliseconds plus the zone's UTC offset at that instant, the offset chosen
 * by a {@code CASE} over the zone's transitions within the times stored (a fixed-offset zone needs none). Exact
 * for every instant in that range, offsets of 30 or 45 minutes and daylight-saving changes included. Integer
 * arithmetic only, so the same text runs in SQLite and PostgreSQL.
 */
final class LocalMillis {

    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;

    private LocalMillis() {
    }

    /**
     * Local milliseconds of {@code millis} (an SQL expression of epoch milliseconds) in {@code zone}, for instants
     * between {@code min} and {@code max} (both included).
     */
    static String of(String millis, ZoneId zone, long min, long max) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return "(" + millis + " + " + offsetMillis(rules.getOffset(Instant.EPOCH)) + ")";
        }
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochMilli(min));
        while (t != null && t.getInstant().toEpochMilli() <= max) {
            transitions.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        ZoneOffset firstOffset = rules.getOffset(Instant.ofEpochMilli(min));
        if (transitions.isEmpty()) {
            return "(" + millis + " + " + offsetMillis(firstOffset) + ")";
        }
        StringBuilder sql = new StringBuilder("(").append(millis).append(" + CASE");
        // Latest first: most records are recent, so most rows stop at the first comparison.
        for (int i = transitions.size() - 1; i >= 0; i--) {
            ZoneOffsetTransition tr = transitions.get(i);
            sql.append(" WHEN ").append(millis).append(" >= ").append(tr.getInstant().toEpochMilli())
                    .append(" THEN ").append(offsetMillis(tr.getOffsetAfter()));
        }
        return sql.append(" ELSE ").append(offsetMillis(firstOffset)).append(" END)").toString();
    }

    /**
     * Whether every offset {@code zone} has between {@code min} and {@code max} is a whole number of hours and every
     * change between them happens on a whole hour: then no local date or hour splits an hour. True of most zones
     * (UTC, Europe, the Americas, most of Asia); not of India's +05:30, Nepal's +05:45, Newfoundland's -03:30,
     * Adelaide's +09:30, nor of local mean times before time zones (Paris's +00:09:21).
     */
    static boolean wholeHours(ZoneId zone, long min, long max) {
        ZoneRules rules = zone.getRules();
        if (!wholeHours(rules.getOffset(Instant.ofEpochMilli(min)))) {
            return false;
        }
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochMilli(min));
        while (t != null && t.getInstant().toEpochMilli() <= max) {
            if (!wholeHours(t.getOffsetAfter()) || Math.floorMod(t.getInstant().toEpochMilli(), HOUR) != 0) {
                return false;
            }
            t = rules.nextTransition(t.getInstant());
        }
        return true;
    }

    private static boolean wholeHours(ZoneOffset offset) {
        return offset.getTotalSeconds() % 3600 == 0;
    }

    /** {@code floor(expr / divisor)} for a positive divisor, whatever the sign of {@code expr}. */
    static String floorDiv(String expr, long divisor) {
        return "((" + expr + " - ((" + expr + " % " + divisor + ") + " + divisor + ") % " + divisor + ") / "
                + divisor + ")";
    }

    private static long offsetMillis(ZoneOffset offset) {
        return offset.getTotalSeconds() * 1000L;
    }
}
