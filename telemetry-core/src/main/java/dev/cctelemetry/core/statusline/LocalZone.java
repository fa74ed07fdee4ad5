package dev.cctelemetry.core.statusline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.TimeZone;

/**
 * The zone a status line shows local times and "today" in, found without starting {@code java.time}'s
 * {@code ZoneRulesProvider}. A region zone such as {@code Europe/Paris} as a {@link ZoneId} costs a status line run
 * a {@code ServiceLoader} scan of the class path (the 47 MB jar's directory) and a second read of the JDK's
 * {@code tzdb.dat} after {@link TimeZone#getDefault()} has read it once; a region zone here takes its offsets from
 * {@link TimeZone}, which reads the same tz database's transitions, so local times stay right across
 * daylight-saving changes (java.time's rules answer from 2037 on). Fixed-offset zones ({@code +05:45}, {@code UTC}, {@code GMT-03:00}) keep
 * {@code java.time}'s rules, which those ids get without the provider.
 *
 * <p>{@link #id()} is what {@link ZoneId#systemDefault()} would name the same zone, so ids written by the sync and
 * push (which use {@link ZoneId}) compare equal.
 */
public final class LocalZone {

    /**
     * Up to when {@link TimeZone}'s offsets are java.time's in every zone of the JDK's tz database: its transition
     * table ends with 2037, after which a zone whose rules one yearly rule cannot express (Africa/Casablanca,
     * Asia/Gaza) parts from java.time (LocalZoneTest checks every zone from 1970 to 2100). Later instants use
     * java.time's rules, as do instants before 1970 (never a status line's, and far enough ones overflow millis).
     */
    private static final long TIMEZONE_EXACT_UNTIL = Instant.parse("2037-01-01T00:00:00Z").getEpochSecond();

    private final String id;
    private final ZoneRules fixedRules;
    private final TimeZone region;

    private LocalZone(String id, ZoneRules fixedRules, TimeZone region) {
        this.id = id;
        this.fixedRules = fixedRules;
        this.region = region;
    }

    /** The process's default zone, as {@link ZoneId#systemDefault()} finds it (TZ unset or garbage: GMT/UTC). */
    public static LocalZone systemDefault() {
        return of(TimeZone.getDefault());
    }

    /** The zone of {@code tz}, named as {@link TimeZone#toZoneId()} names it. */
    static LocalZone of(TimeZone tz) {
        // ZoneId.systemDefault() maps the old three-letter ids the same way (EST -> -05:00, PST -> a region)
        String id = ZoneId.SHORT_IDS.getOrDefault(tz.getID(), tz.getID());
        return id.equals(tz.getID()) && !withoutProvider(id) ? new LocalZone(id, null, (TimeZone) tz.clone()) : of(id);
    }

    /** The zone {@code zone} names (its own rules). */
    public static LocalZone of(ZoneId zone) {
        Objects.requireNonNull(zone, "zone is null");
        return new LocalZone(zone.getId(), zone.getRules(), null);
    }

    /**
     * The zone of a {@link ZoneId} id, e.g. one a snapshot stored.
     *
     * @throws IllegalArgumentException when neither {@code java.time} nor the tz database knows {@code id}
     */
    public static LocalZone of(String id) {
        Objects.requireNonNull(id, "id is null");
        if (withoutProvider(id)) {
            return of(ZoneId.of(id));
        }
        TimeZone tz = TimeZone.getTimeZone(id);
        if (!tz.getID().equals(id)) { // TimeZone answers GMT for an id it does not know
            throw new IllegalArgumentException("unknown time zone: " + id);
        }
        return new LocalZone(id, null, tz);
    }

    /** Whether {@link ZoneId#of(String)} makes {@code id} without the rules provider (offsets and UTC/GMT/UT). */
    private static boolean withoutProvider(String id) {
        return id.length() <= 1 || id.startsWith("+") || id.startsWith("-") || id.startsWith("UT")
                || id.startsWith("GMT");
    }

    /** The zone's id, as {@link ZoneId#getId()} gives it. */
    public String id() {
        return id;
    }

    /** The offset from UTC at {@code t}. */
    public ZoneOffset offsetAt(Instant t) {
        if (fixedRules != null) {
            return fixedRules.getOffset(t);
        }
        if (t.getEpochSecond() < 0 || t.getEpochSecond() >= TIMEZONE_EXACT_UNTIL) {
            return ZoneId.of(id).getRules().getOffset(t);
        }
        return ZoneOffset.ofTotalSeconds(Math.floorDiv(region.getOffset(t.toEpochMilli()), 1000));
    }

    /** The local date and time at {@code t}. */
    public LocalDateTime dateTime(Instant t) {
        return LocalDateTime.ofInstant(t, offsetAt(t));
    }

    /** The local date at {@code t}. */
    public LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, offsetAt(t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalZone z && z.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
