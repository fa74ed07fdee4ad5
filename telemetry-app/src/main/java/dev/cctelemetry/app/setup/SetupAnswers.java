package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.config.StoreConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose in {@code setup}.
 *
 * @param machineName the readable machine name
 * @param store the remote store, empty for local only
 * @param installHooks whether to install the Claude Code hooks
 * @param installService whether to install the background service
 * @param resetMachineId whether to give this machine a new id (a config copied from another machine)
 */
public record SetupAnswers(String machineName, Optional<StoreConfig> store, boolean installHooks,
        boolean installService, boolean resetMachineId) {

    public SetupAnswers {
        Objects.requireNonNull(machineName, "machineName is null");
        Objects.requireNonNull(store, "store is null");
    }
}
