package dev.cctelemetry.web.api;

import dev.cctelemetry.core.query.UsageFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a dashboard view shows, as its URL says it: local dates in a zone (both ends inclusive, either open), and
 * the machines, projects and models to keep (an empty set keeps all). The zone also decides how days, weeks and
 * hours are cut, so it travels with the filter rather than inside core's {@link UsageFilter}.
 *
 * @param from first local date, if any
 * @param to last local date, if any
 * @param zone the zone whose calendar decides dates
 * @param machines machine names or ids to keep; empty for all
 * @param projects project folders to keep; empty for all
 * @param models model labels to keep; empty for all
 */
public record ViewFilter(Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone, Set<String> machines,
        Set<String> projects, Set<String> models) {

    public ViewFilter {
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
    public static ViewFilter all(ZoneId zone) {
        return new ViewFilter(Optional.empty(), Optional.empty(), zone, Set.of(), Set.of(), Set.of());
    }

    /** The same filter over other dates. */
    public ViewFilter between(Optional<LocalDate> newFrom, Optional<LocalDate> newTo) {
        return new ViewFilter(newFrom, newTo, zone, machines, projects, models);
    }

    /** The requests this view selects, as the query port takes them: from the first instant of {@code from}. */
    public UsageFilter query() {
        return UsageFilter.onDates(from, to, zone).withMachines(machines).withProjects(projects).withModels(models);
    }
}
