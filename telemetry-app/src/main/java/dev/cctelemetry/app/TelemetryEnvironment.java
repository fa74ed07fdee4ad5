package dev.cctelemetry.app;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.sync.SyncService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the process learns from its environment, read once by the front end's entry point and injected
 * everywhere else, so tests run commands against temp folders without touching the real homes.
 *
 * @param env environment variables
 * @param userHome the user's home directory
 * @param workingDir the current directory
 */
public record TelemetryEnvironment(Map<String, String> env, Path userHome, Path workingDir) {

    public TelemetryEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome, "userHome is null");
        Objects.requireNonNull(workingDir, "workingDir is null");
    }

    /** cc-telemetry's own folder: {@code $CC_TELEMETRY_HOME}, else {@code ~/.claude-telemetry}. */
    public Path telemetryHome() {
        String h = env.get("CC_TELEMETRY_HOME");
        return h == null || h.isBlank() ? userHome.resolve(".claude-telemetry") : Path.of(h).toAbsolutePath();
    }

    /** Every path under the telemetry home. */
    public InstallLayout layout() {
        return new InstallLayout(telemetryHome());
    }

    /**
     * Records per sync transaction: {@code $CC_TELEMETRY_BATCH_RECORDS} when it is a positive number, else the
     * default. Only a tuning knob (tests use small batches to put kills between and inside commits); every batch
     * size gives the same ledger.
     */
    public int batchRecords() {
        String v = env.get("CC_TELEMETRY_BATCH_RECORDS");
        if (v != null) {
            try {
                int n = Integer.parseInt(v.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: the default
            }
        }
        return SyncService.DEFAULT_BATCH_RECORDS;
    }
}
