package dev.cctelemetry.core.report;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A time zone as a person types it: an IANA name in any case ({@code utc}, {@code europe/paris}), an offset
 * ({@code +02:00}), or one of the JDK's three-letter short ids ({@code EST}, {@code PST}), which are read as the
 * JDK maps them and come with a note, since most are fixed offsets or guesses at a region.
 *
 * @param zone the zone
 * @param note what the user should know about how the name was read, if anything
 */
public record ZoneName(ZoneId zone, Optional<String> note) {

    /**
     * Reads a zone name.
     *
     * @throws IllegalArgumentException naming the input when it is no zone at all
     */
    public static ZoneName parse(String text) {
        String name = text.strip();
        try {
            return new ZoneName(ZoneId.of(name), Optional.empty());
        } catch (DateTimeException e) {
            // not an exact IANA name or offset: try the spellings below
        }
        // Only a mistyped or wrongly cased name gets here: one pass over the ~600 names is cheap enough.
        Optional<String> iana = ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(name))
                .findFirst();
        if (iana.isPresent()) {
            return new ZoneName(ZoneId.of(iana.get()), Optional.empty());
        }
        String shortId = name.toUpperCase(Locale.ROOT);
        String mapped = ZoneId.SHORT_IDS.get(shortId);
        if (mapped != null) {
            return new ZoneName(ZoneId.of(mapped), Optional.of(shortId + " is read as " + mapped
                    + " (the JDK's meaning of this short id); an IANA name such as America/New_York is unambiguous"));
        }
        throw new IllegalArgumentException("unknown time zone '" + text
                + "': use an IANA name like Europe/Paris, UTC or an offset like +02:00");
    }
}
