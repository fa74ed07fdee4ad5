package dev.cctelemetry.app.statusline;

import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.statusline.LocalZone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Today's cost over every machine of the shared store, cached in a small file for the status line, which must
 * never wait on the network: whoever talks to the store anyway (a hook sync's push) refreshes it, and the status
 * line shows it only while it is {@link #FRESH} and for the same local date and zone.
 *
 * <p>Format: one line {@code <zone> <local date> <picodollars> <fetched at, epoch millis>}.
 *
 * @param file where the cache lives
 */
public record AllMachinesToday(Path file) {

    /** How long a cached total is shown. */
    public static final Duration FRESH = Duration.ofMinutes(30);

    public AllMachinesToday {
        Objects.requireNonNull(file, "file is null");
    }

    /** The cached total for {@code now}'s date in {@code zone}, when fresh; never throws. */
    public Optional<Long> picos(Instant now, LocalZone zone) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] f = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            if (f.length != 4 || !f[0].equals(zone.id())
                    || !LocalDate.parse(f[1]).equals(zone.date(now))) {
                return Optional.empty();
            }
            Instant fetched = Instant.ofEpochMilli(Long.parseLong(f[3]));
            if (fetched.isAfter(now.plusSeconds(60)) || Duration.between(fetched, now).compareTo(FRESH) > 0) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(f[2]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Caches {@code picos} as the total of {@code date} in {@code zone}, fetched at {@code fetchedAt}. */
    public void write(ZoneId zone, LocalDate date, long picos, Instant fetchedAt) throws IOException {
        AtomicFile.write(file, (zone.getId() + " " + date + " " + picos + " " + fetchedAt.toEpochMilli() + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
