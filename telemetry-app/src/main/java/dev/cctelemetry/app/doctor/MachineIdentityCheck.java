package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.config.ConfigSnapshot;
import java.nio.file.Path;

/**
 * Flags a config copied from another machine: its machine id would attribute this machine's records to the
 * other one. The config remembers the host its machine id was created on ({@code machine_host}).
 */
public final class MachineIdentityCheck implements DoctorCheck {

    static final String NAME = "Machine identity";

    private final Path file;
    private final String currentHost;

    /** A check of {@code file} against the host this runs on. */
    public MachineIdentityCheck(Path file, String currentHost) {
        this.file = file;
        this.currentHost = currentHost;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        ConfigSnapshot c = ConfigSnapshot.read(file);
        String id = c.text("machine_id");
        if (!c.exists() || id.isBlank()) {
            return CheckResult.warn(NAME, "no machine id yet", "cc-telemetry setup");
        }
        String host = c.text("machine_host");
        if (host.isBlank()) {
            return CheckResult.warn(NAME, "the config does not record which host its machine id was made on",
                    "cc-telemetry setup (records this host; add --reset-machine-id if the config was copied"
                            + " from another machine)");
        }
        if (!host.equalsIgnoreCase(currentHost)) {
            return CheckResult.fail(NAME, "machine id " + id + " was created on host '" + host + "', this is '"
                            + currentHost + "': records would be attributed to the other machine",
                    "cc-telemetry setup --reset-machine-id (if this config was copied from " + host + ")");
        }
        return CheckResult.ok(NAME, c.text("machine_name") + " on host " + currentHost);
    }
}
