package dev.cctelemetry.cli.config;

import java.util.Objects;

/**
 * The settings in {@code config.json} that this version understands.
 *
 * @param machineId immutable UUID that identifies this machine's records in a shared store
 * @param machineName a readable name, the host name by default
 */
public record TelemetryConfig(String machineId, String machineName) {
    public TelemetryConfig {
        Objects.requireNonNull(machineId, "machineId is null");
        Objects.requireNonNull(machineName, "machineName is null");
    }
}
