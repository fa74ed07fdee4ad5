package dev.cctelemetry.web.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a dashboard view shows: local dates in a zone (both ends inclusive, either open), and the machines,
 * projects and models to keep (an empty set keeps all).
 *
 * @param from first local date, if any
 * @param to last local date, if any
 * @param zone the zone whose calendar decides dates
 * @param machines machine names or ids to keep; empty for all
 * @param projects project directories to keep; empty for all
 * @param models model ids to keep; empty for all
 */
public record UsageFilter(Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone, Set<String> machines,
        Set<String> projects, Set<String> models) {

    public UsageFilter {
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        Objects.requireNonNull(zone, "zone is null");
        machines = Set.copyOf(machines);
        projects = Set.copyOf(projects);
        models = Set.copyOf(models);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
    }

    /** Everything, in {@code zone}. */
    public static UsageFilter all(ZoneId zone) {
        return new UsageFilter(Optional.empty(), Optional.empty(), zone, Set.of(), Set.of(), Set.of());
    }

    /** The same filter over another date range. */
    public UsageFilter between(Optional<LocalDate> newFrom, Optional<LocalDate> newTo) {
        return new UsageFilter(newFrom, newTo, zone, machines, projects, models);
    }
}
