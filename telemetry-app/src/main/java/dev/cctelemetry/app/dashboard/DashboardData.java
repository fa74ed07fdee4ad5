package dev.cctelemetry.app.dashboard;

import dev.cctelemetry.core.port.out.UsageQueries;
import java.util.Objects;

/**
 * What one dashboard launch shows.
 *
 * @param queries the figures, sync marks and change counter
 * @param remote whether they are every machine's (the shared store) rather than this machine's ledger
 * @param description where they come from, for the page's header, e.g. {@code this machine (laptop, local ledger)}
 */
public record DashboardData(UsageQueries queries, boolean remote, String description) {

    public DashboardData {
        Objects.requireNonNull(queries, "queries is null");
        Objects.requireNonNull(description, "description is null");
    }
}
