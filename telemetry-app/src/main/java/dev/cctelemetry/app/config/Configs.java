package dev.cctelemetry.app.config;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.core.port.out.MachineIdentity;
import jakarta.inject.Inject;
import java.io.IOException;

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

    /** The config as found on disk, read without creating or changing anything. */
    public ConfigSnapshot snapshot() {
        return ConfigSnapshot.read(env.layout().config());
    }

    /** This machine as the shared store lists it. */
    public MachineIdentity machine(TelemetryConfig config) {
        return new MachineIdentity(config.machineId(), config.machineName(), platform.osLabel());
    }
}
