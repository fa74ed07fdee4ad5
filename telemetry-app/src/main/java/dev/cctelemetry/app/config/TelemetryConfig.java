package dev.cctelemetry.app.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings in {@code config.json} that this version understands.
 *
 * @param machineId immutable UUID that identifies this machine's records in a shared store
 * @param machineName a readable name, the host name by default
 * @param store the shared PostgreSQL store to push to, when configured
 */
public record TelemetryConfig(String machineId, String machineName, Optional<StoreConfig> store) {
    public TelemetryConfig {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(machineName, "machineName is null");
        Objects.requireNonNull(store, "store is null");
    }

    /** A config without a remote store. */
    public TelemetryConfig(String machineId, String machineName) {
        this(machineId, machineName, Optional.empty());
    }
}
