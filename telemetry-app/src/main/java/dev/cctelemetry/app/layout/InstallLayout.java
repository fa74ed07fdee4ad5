package dev.cctelemetry.app.layout;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Every file and folder under cc-telemetry's home, named in one place: no other class resolves a path below the
 * home by hand. The names are part of the on-disk format (older installs are read as they are).
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

    /** The user's price table, overlaid on the shipped one when present. */
    public Path userPrices() {
        return home.resolve("prices.json");
    }

    /** The SQLite ledger. */
    public Path ledger() {
        return home.resolve("telemetry.db");
    }

    /** The ledger and its SQLite side files (WAL, shared memory). */
    public List<Path> ledgerFiles() {
        return List.of(ledger(), home.resolve("telemetry.db-wal"), home.resolve("telemetry.db-shm"));
    }

    /**
     * Everything cc-telemetry creates directly under the home, for {@code uninstall --purge}: the ledger with its
     * side files and published checkpoints, the config and the folders. Not {@code prices.json}, which the user
     * writes.
     */
    public List<Path> createdEntries() {
        List<Path> all = new java.util.ArrayList<>(ledgerFiles());
        all.addAll(List.of(home.resolve("telemetry.db-journal"), home.resolve("telemetry.db-checkpoints"),
                home.resolve("telemetry.db-statusline"), config(),
                stateDir(), spoolDir(), hooksDir(), libDir(), logsDir(), home.resolve("service")));
        return all;
    }

    /** The settings files cc-telemetry created, recorded for {@code uninstall --purge}. */
    public Path createdSettings() {
        return stateDir().resolve("created-settings.txt");
    }

    /** {@code state/}: status files and locks. */
    public Path stateDir() {
        return home.resolve("state");
    }

    /** The machine-wide sync lock: one ingest at a time. */
    public Path syncLock() {
        return stateDir().resolve("sync.lock");
    }

    /** The push lock: one push at a time. */
    public Path pushLock() {
        return stateDir().resolve("push.lock");
    }

    /** The Claude config roots hook workers have seen. */
    public Path knownRoots() {
        return stateDir().resolve("roots.json");
    }

    /** The lock that orders writers of {@link #knownRoots()}. */
    public Path knownRootsLock() {
        return stateDir().resolve("roots.lock");
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

    /** How far {@code export --otlp} has sent the ledger, and to which endpoint. */
    public Path otlpExportMark() {
        return stateDir().resolve("otlp-export.json");
    }

    /** Held by an {@code export --otlp} while it sends, so two never send the same records at once. */
    public Path otlpExportLock() {
        return stateDir().resolve("otlp-export.lock");
    }

    /** The outcome of the last manual {@code cc-telemetry sync}. */
    public Path manualSync() {
        return stateDir().resolve("sync-manual.json");
    }

    /**
     * The user's own statusLine command that ours runs first and shows above its line, when they chose to keep it
     * ({@code setup-hooks --statusline}); plain text, one command.
     */
    public Path statuslineChain() {
        return stateDir().resolve("statusline-chain");
    }

    /** The {@code statusLine} member ours replaced (JSON), put back by {@code remove-hooks}. */
    public Path statuslinePrevious() {
        return stateDir().resolve("statusline-previous.json");
    }

    /** The plan-limit levels the status line recorded last: a status line opens the ledger only when they change. */
    public Path statuslineLimits() {
        return stateDir().resolve("statusline-limits");
    }

    /** The shared store's total of today over every machine, as the last refresh found it. */
    public Path statuslineAllMachines() {
        return stateDir().resolve("statusline-all-machines");
    }

    /** The installed statusLine script ({@code .sh} or {@code .ps1}, as {@link #hookScript} finds it). */
    public Path statuslineScript() {
        return hookScript("statusline");
    }

    /** {@code spool/}: hook payloads waiting for their worker. */
    public Path spoolDir() {
        return home.resolve("spool");
    }

    /** {@code hooks/}: the installed hook scripts. */
    public Path hooksDir() {
        return home.resolve("hooks");
    }

    /** {@code lib/}: the installed, versioned jars. */
    public Path libDir() {
        return home.resolve("lib");
    }

    /** Where the SQLite driver's native library is unpacked (next to the installed jars, not in /tmp). */
    public Path nativeLibDir() {
        return libDir().resolve("native");
    }

    /** {@code logs/}. */
    public Path logsDir() {
        return home.resolve("logs");
    }

    /** The hook worker's log. */
    public Path hookSyncLog() {
        return logsDir().resolve("hook-sync.log");
    }

    /** The daemon's log. */
    public Path daemonLog() {
        return logsDir().resolve("daemon.log");
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
