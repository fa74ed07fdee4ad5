package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.config.ConfigSnapshot;
import dev.cctelemetry.app.config.ConfigStore;
import dev.cctelemetry.app.config.TelemetryConfig;
import java.io.PrintWriter;

/** Writes the answers into {@code config.json} (0600), keeping the machine id unless a reset was asked for. */
public final class ConfigStep implements SetupStep {

    private final ConfigStore store;
    private final String currentHost;

    /** A step writing through {@code store}; {@code currentHost} is recorded with a new machine id. */
    public ConfigStep(ConfigStore store, String currentHost) {
        this.store = store;
        this.currentHost = currentHost;
    }

    @Override
    public String title() {
        return "Save config";
    }

    @Override
    public String subject() {
        return "Config";
    }

    @Override
    public String declined() {
        return "not saved"; // never: the config is always written
    }

    @Override
    public boolean wanted(SetupAnswers answers) {
        return true;
    }

    @Override
    public Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception {
        TelemetryConfig c = store.edit(root -> {
            if (answers.resetMachineId()) {
                root.remove("machine_id");
                root.remove("machine_host");
            } else if (!root.path("machine_host").isTextual()) {
                root.put("machine_host", currentHost);
            }
            root.put("machine_name", answers.machineName());
            if (answers.store().isPresent()) {
                answers.store().get().writeTo(root);
                root.remove(ConfigSnapshot.LOCAL_ONLY);
            } else {
                root.remove("store");
                root.put(ConfigSnapshot.LOCAL_ONLY, true);
            }
            // Recorded so that doctor passes for a user who chose not to have them (issue 19.9).
            if (answers.installHooks()) {
                root.remove(ConfigSnapshot.HOOKS_DECLINED);
            } else {
                root.put(ConfigSnapshot.HOOKS_DECLINED, true);
            }
        });
        String where = answers.store().map(s -> "store " + s.describe()).orElse("local ledger only");
        out.println("  Saved " + store.file() + " (machine " + c.machineName() + ", id " + c.machineId() + ", "
                + where + ")");
        return Outcome.done("machine " + c.machineName() + ", " + where);
    }
}
