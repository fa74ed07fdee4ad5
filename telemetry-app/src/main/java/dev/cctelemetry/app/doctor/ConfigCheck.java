package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.config.ConfigSnapshot;
import dev.cctelemetry.app.config.StoreConfig;
import java.nio.file.Path;

/** {@code config.json}: present, valid JSON, private (0600), machine id set. */
public final class ConfigCheck implements DoctorCheck {

    static final String NAME = "Config";

    private final Path file;

    /** A check of {@code file}. */
    public ConfigCheck(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        ConfigSnapshot c = ConfigSnapshot.read(file);
        if (!c.exists()) {
            return CheckResult.warn(NAME, "no config yet (" + file + ")", "cc-telemetry setup");
        }
        if (c.problem().isPresent()) {
            return CheckResult.fail(NAME, file + " " + c.problem().get(),
                    "fix the JSON in " + file + ", or move it away and run cc-telemetry setup");
        }
        if (c.text("machine_id").isBlank()) {
            return CheckResult.fail(NAME, "no machine_id in " + file, "cc-telemetry setup");
        }
        boolean password = c.store().map(StoreConfig::holdsPassword).orElse(false);
        if (c.openToOthers()) {
            String what = file + " is readable by other users";
            String fix = "chmod 600 " + file;
            return password ? CheckResult.fail(NAME, what + " and holds the database password", fix)
                    : CheckResult.warn(NAME, what, fix);
        }
        return CheckResult.ok(NAME, file + " (machine " + c.text("machine_name") + ", id "
                + abbreviate(c.text("machine_id")) + ")");
    }

    private static String abbreviate(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }
}
