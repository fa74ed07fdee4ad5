package dev.cctelemetry.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests a query counts. Every part narrows; an empty set or absent value means "no restriction".
 *
 * @param from first instant included, if any
 * @param until first instant excluded, if any (never before {@code from})
 * @param machines only requests of these machines, each given by id or by name
 * @param projects only requests read from these project folders (Claude Code's encoded folder name, as
 *     {@link GroupDimension#PROJECT} keys them)
 * @param models only requests of these model labels ({@code <model>-fast} for fast mode, as
 *     {@link GroupDimension#MODEL} keys them)
 * @param session only requests of this session
 */
public record UsageFilter(Optional<Instant> from, Optional<Instant> until, Set<String> machines,
        Set<String> projects, Set<String> models, Optional<String> session) {

    /** Every request of every machine. */
    public static final UsageFilter ALL = new UsageFilter(Optional.empty(), Optional.empty(), Set.of(), Set.of(),
            Set.of(), Optional.empty());

    public UsageFilter {
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(until, "until is null");
        machines = Set.copyOf(machines);
        projects = Set.copyOf(projects);
        models = Set.copyOf(models);
        Objects.requireNonNull(session, "session is null");
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            throw new IllegalArgumentException("until " + until.get() + " is before from " + from.get());
        }
    }

    /**
     * Requests on the local dates {@code since} to {@code until} (both included, either open) of {@code zone}:
     * from the first instant of {@code since} to the first instant of the day after {@code until}.
     */
    public static UsageFilter onDates(Optional<LocalDate> since, Optional<LocalDate> until, ZoneId zone) {
        Objects.requireNonNull(zone, "zone is null");
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new IllegalArgumentException("since " + since.get() + " is after until " + until.get());
        }
        return ALL.between(since.map(d -> d.atStartOfDay(zone).toInstant()),
                until.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** The same filter over another time range. */
    public UsageFilter between(Optional<Instant> newFrom, Optional<Instant> newUntil) {
        return new UsageFilter(newFrom, newUntil, machines, projects, models, session);
    }

    /** The same filter without a time range. */
    public UsageFilter anyTime() {
        return between(Optional.empty(), Optional.empty());
    }

    /** The same filter restricted to these machines (ids or names). */
    public UsageFilter withMachines(Collection<String> ids) {
        return new UsageFilter(from, until, Set.copyOf(ids), projects, models, session);
    }

    /** The same filter restricted to these project folders. */
    public UsageFilter withProjects(Collection<String> dirs) {
        return new UsageFilter(from, until, machines, Set.copyOf(dirs), models, session);
    }

    /** The same filter restricted to these model labels. */
    public UsageFilter withModels(Collection<String> labels) {
        return new UsageFilter(from, until, machines, projects, Set.copyOf(labels), session);
    }

    /** The same filter restricted to one session. */
    public UsageFilter withSession(String id) {
        return new UsageFilter(from, until, machines, projects, models, Optional.of(id));
    }

    /** Whether {@code t} lies in the time range. */
    public boolean includes(Instant t) {
        return from.map(f -> !t.isBefore(f)).orElse(true) && until.map(u -> t.isBefore(u)).orElse(true);
    }
}
