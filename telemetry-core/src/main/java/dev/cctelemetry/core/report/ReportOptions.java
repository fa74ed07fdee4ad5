package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.UsageFilter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a report covers and how it buckets time.
 *
 * @param since first local date included, if any
 * @param until last local date included, if any
 * @param zone zone whose calendar decides dates, weeks and months (the CLI picks the system zone by default)
 * @param blockLength length of a billing block ({@link #DEFAULT_BLOCK_LENGTH} unless configured)
 * @param weekStart first day of a week for the weekly report (ccusage's default, Sunday, unless configured)
 * @param machines only these machines' usage (ids or names), or every machine's when empty
 */
public record ReportOptions(Optional<LocalDate> since, Optional<LocalDate> until, ZoneId zone,
        Duration blockLength, DayOfWeek weekStart, Set<String> machines) {

    /** Claude's usage window, and ccusage's default {@code --session-length}. */
    public static final Duration DEFAULT_BLOCK_LENGTH = Duration.ofHours(5);

    public ReportOptions {
        Objects.requireNonNull(since, "since is null");
        Objects.requireNonNull(until, "until is null");
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(blockLength, "blockLength is null");
        Objects.requireNonNull(weekStart, "weekStart is null");
        machines = Set.copyOf(machines);
        if (blockLength.isNegative() || blockLength.isZero()) {
            throw new IllegalArgumentException("blockLength must be positive: " + blockLength);
        }
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new IllegalArgumentException("since " + since.get() + " is after until " + until.get());
        }
    }

    /** Everything, bucketed in {@code zone}, with 5-hour blocks and weeks from Sunday. */
    public static ReportOptions all(ZoneId zone) {
        return new ReportOptions(Optional.empty(), Optional.empty(), zone, DEFAULT_BLOCK_LENGTH, DayOfWeek.SUNDAY,
                Set.of());
    }

    /** The same options limited to dates on or after {@code date}. */
    public ReportOptions withSince(LocalDate date) {
        return new ReportOptions(Optional.of(date), until, zone, blockLength, weekStart, machines);
    }

    /** The same options limited to dates on or before {@code date}. */
    public ReportOptions withUntil(LocalDate date) {
        return new ReportOptions(since, Optional.of(date), zone, blockLength, weekStart, machines);
    }

    /** The same options with another block length. */
    public ReportOptions withBlockLength(Duration length) {
        return new ReportOptions(since, until, zone, length, weekStart, machines);
    }

    /** The same options with weeks starting on {@code day}. */
    public ReportOptions withWeekStart(DayOfWeek day) {
        return new ReportOptions(since, until, zone, blockLength, day, machines);
    }

    /** The same options limited to these machines (ids or names). */
    public ReportOptions withMachines(Set<String> ids) {
        return new ReportOptions(since, until, zone, blockLength, weekStart, ids);
    }

    /** Whether a local date lies in the since/until range. */
    public boolean includes(LocalDate date) {
        return since.map(s -> !date.isBefore(s)).orElse(true) && until.map(u -> !date.isAfter(u)).orElse(true);
    }

    /** The requests these options select: the local dates' instants in {@link #zone()}, the machines. */
    public UsageFilter filter() {
        return UsageFilter.onDates(since, until, zone).withMachines(machines);
    }
}
