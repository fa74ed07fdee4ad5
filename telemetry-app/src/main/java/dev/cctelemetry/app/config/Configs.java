package dev.cctelemetry.app.config;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.core.port.out.MachineIdentity;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/** {@code config.json} for the process: loaded (and created on first use) on demand. */
public final class Configs {

    private final TelemetryEnvironment env;
    private final Platform platform;

    @Inject
    Configs(TelemetryEnvironment env, Platform platform) {
        this.env = env;
        this.platform = platform;
    }

    /** This host's name: a new machine's default name. */
    public String hostName() {
        return HostName.of(env.env());
    }

    /** The store of {@code config.json}; a new machine is named after the host. */
    public ConfigStore store() {
        return new ConfigStore(env.layout().config(), () -> HostName.of(env.env()));
    }

    /**
     * The config, created on first use.
     *
     * @throws AppException when it cannot be read or written
     */
    public TelemetryConfig load() {
        try {
            return store().loadOrCreate();
        } catch (IOException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /**
     * The member {@code key} of {@code config.json} as it is on disk (a missing node when absent): the settings a
     * feature keeps under its own key (budgets, alerts).
     *
     * @throws AppException when the config cannot be read
     */
    public JsonNode member(String key) {
        try {
            return store().member(key);
        } catch (IOException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /**
     * Changes {@code config.json} through the store (atomic, 0600, other keys kept).
     *
     * @throws AppException when it cannot be read or written
     */
    public void edit(Consumer<ObjectNode> change) {
        try {
            store().edit(change);
        } catch (IOException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /** The config as found on disk, read without creating or changing anything. */
    public ConfigSnapshot snapshot() {
        return ConfigSnapshot.read(env.layout().config());
    }

    /** This machine as the shared store lists it. */
    public MachineIdentity machine(TelemetryConfig config) {
        return new MachineIdentity(config.machineId(), config.machineName(), platform.osLabel());
    }
}
