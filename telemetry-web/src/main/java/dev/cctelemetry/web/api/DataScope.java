package dev.cctelemetry.web.api;

import java.util.Objects;

/**
 * Which data the dashboard shows; the page says it in its header.
 *
 * @param remote true for the shared store (every machine), false for this machine's ledger
 * @param description e.g. {@code this machine (local ledger)} or {@code all machines (postgresql://host/db)}
 */
public record DataScope(boolean remote, String description) {

    public DataScope {
        Objects.requireNonNull(description, "description is null");
    }
}
