package dev.cctelemetry.cli.state;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files under cc-telemetry's home. One place to adjust when the hooks, daemon and push features settle
 * their file names.
 *
 * @param home the telemetry home, e.g. {@code ~/.claude-telemetry}
 */
public record InstallLayout(Path home) {

    /** Log files rotate at this size ... */
    public static final long LOG_FILE_BYTES = 10L * 1024 * 1024;
    /** ... keeping this many files per log family. */
    public static final int LOG_FILES_KEPT = 6;

    public InstallLayout {
        Objects.requireNonNull(home, "home is null");
    }

    /** {@code config.json}. */
    public Path config() {
        return home.resolve("config.json");
    }

    /** The SQLite ledger. */
    public Path ledger() {
        return home.resolve("telemetry.db");
    }

    /** The ledger and its SQLite side files (WAL, shared memory). */
    public List<Path> ledgerFiles() {
        return List.of(ledger(), home.resolve("telemetry.db-wal"), home.resolve("telemetry.db-shm"));
    }

    /** {@code state/}: status files and locks. */
    public Path stateDir() {
        return home.resolve("state");
    }

    /** {@code hooks/}: the installed hook scripts. */
    public Path hooksDir() {
        return home.resolve("hooks");
    }

    /** {@code lib/}: the installed, versioned jars. */
    public Path libDir() {
        return home.resolve("lib");
    }

    /** {@code logs/}. */
    public Path logsDir() {
        return home.resolve("logs");
    }

    /** The daemon's status file. */
    public Path daemonStatus() {
        return stateDir().resolve("daemon-status.json");
    }

    /** The lock the running daemon holds. */
    public Path daemonLock() {
        return stateDir().resolve("daemon.lock");
    }

    /** The status of the last push to the remote store. */
    public Path pushStatus() {
        return stateDir().resolve("push-status.json");
    }

    /** The outcome of the last manual {@code cc-telemetry sync}. */
    public Path manualSync() {
        return stateDir().resolve("sync-manual.json");
    }

    /**
     * The hook script for an event ({@code stop} or {@code session-end}): the installed {@code .sh} or {@code
     * .ps1}, else the one this platform would install.
     */
    public Path hookScript(String event) {
        Path sh = hooksDir().resolve("cc-telemetry-" + event + ".sh");
        Path ps1 = hooksDir().resolve("cc-telemetry-" + event + ".ps1");
        if (Files.exists(sh)) {
            return sh;
        }
        if (Files.exists(ps1)) {
            return ps1;
        }
        return File.separatorChar == '\\' ? ps1 : sh;
    }
}
