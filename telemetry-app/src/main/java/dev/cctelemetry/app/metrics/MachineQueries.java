package dev.cctelemetry.app.metrics;

import dev.cctelemetry.core.port.out.UsageQueries;
import java.util.Objects;

/**
 * One machine's usage, as the metrics label it.
 *
 * @param machine the machine's label: its name, or its id when it has none
 * @param queries the aggregate queries over that machine's records only
 */
public record MachineQueries(String machine, UsageQueries queries) {

    public MachineQueries {
        Objects.requireNonNull(machine, "machine is null");
        Objects.requireNonNull(queries, "queries is null");
    }
}
