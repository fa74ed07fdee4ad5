package dev.cctelemetry.web.query;

import java.util.List;

/**
 * The values the filter menus offer, each sorted.
 *
 * @param machines machine names with records
 * @param projects project directories with records
 * @param models model ids with records, without {@code <synthetic>}
 */
public record FilterChoices(List<String> machines, List<String> projects, List<String> models) {

    public FilterChoices {
        machines = List.copyOf(machines);
        projects = List.copyOf(projects);
        models = List.copyOf(models);
    }
}
