package dev.cctelemetry.core.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report covers and how it buckets time.
 *
 * @param since first local date included, if any
 * @param until last local date included, if any
 * @param zone zone whose calendar decides dates and months (the CLI picks the system zone by default)
 * @param blockLength length of a billing block ({@link #DEFAULT_BLOCK_LENGTH} unless configured)
 */
public record ReportOptions(Optional<LocalDate> since, Optional<LocalDate> until, ZoneId zone,
        Duration blockLength) {

    /** Claude's usage window, and ccusage's default {@code --session-length}. */
    public static final Duration DEFAULT_BLOCK_LENGTH = Duration.ofHours(5);

    public ReportOptions {
        Objects.requireNonNull(since, "since is null");
        Objects.requireNonNull(until, "until is null");
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(blockLength, "blockLength is null");
        if (blockLength.isNegative() || blockLength.isZero()) {
            throw new IllegalArgumentException("blockLength must be positive: " + blockLength);
        }
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new IllegalArgumentException("since " + since.get() + " is after until " + until.get());
        }
    }

    /** Everything, bucketed in {@code zone}, with 5-hour blocks. */
    public static ReportOptions all(ZoneId zone) {
        return new ReportOptions(Optional.empty(), Optional.empty(), zone, DEFAULT_BLOCK_LENGTH);
    }

    /** The same options limited to dates on or after {@code date}. */
    public ReportOptions withSince(LocalDate date) {
        return new ReportOptions(Optional.of(date), until, zone, blockLength);
    }

    /** The same options limited to dates on or before {@code date}. */
    public ReportOptions withUntil(LocalDate date) {
        return new ReportOptions(since, Optional.of(date), zone, blockLength);
    }

    /** The same options with another block length. */
    public ReportOptions withBlockLength(Duration length) {
        return new ReportOptions(since, until, zone, length);
    }

    /** Whether a local date lies in the since/until range. */
    public boolean includes(LocalDate date) {
        return since.map(s -> !date.isBefore(s)).orElse(true) && until.map(u -> !date.isAfter(u)).orElse(true);
    }
}
