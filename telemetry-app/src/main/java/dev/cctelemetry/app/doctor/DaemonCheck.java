package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.service.InstalledService;
import dev.cctelemetry.app.state.SyncOutcome;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.SyncLock;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The background daemon: running (it holds {@code daemon.lock}) or not, and its last pass from {@code
 * daemon-status.json}. Optional: not running is a warning. An installed service whose jar is gone (a build tree
 * cleaned, a copy deleted) is a problem: it cannot start.
 */
public final class DaemonCheck implements DoctorCheck {

    static final String NAME = "Daemon / service";

    private final InstallLayout layout;
    private final Optional<InstalledService> service;
    private final Clock clock;

    /** A check of the daemon files under {@code layout} and of the installed {@code service}, if any. */
    public DaemonCheck(InstallLayout layout, Optional<InstalledService> service, Clock clock) {
        this.layout = layout;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() throws InterruptedException {
        Optional<InstalledService> broken = service.filter(s -> s.missingJar().isPresent());
        if (broken.isPresent()) {
            InstalledService s = broken.get();
            return CheckResult.fail(NAME, "the " + s.manager() + " " + s.file() + " runs "
                    + s.missingJar().orElseThrow() + ", which no longer exists: the service cannot start",
                    "cc-telemetry install-service (installs the jar under " + layout.libDir()
                            + " and points the service at it)");
        }
        boolean running = lockHeld();
        Optional<SyncOutcome> pass = SyncOutcome.read(layout.daemonStatus());
        String last = pass.map(p -> "last pass " + Ago.since(p.at(), clock.instant())
                + (p.ok() ? "" : " failed: " + p.error())).orElse("no pass recorded");
        if (!running) {
            return CheckResult.warn(NAME, "not running (" + last + ")",
                    "cc-telemetry install-service (optional: hooks sync without it)");
        }
        if (pass.isPresent() && !pass.get().ok()) {
            return CheckResult.warn(NAME, "running, " + last, "see " + layout.logsDir().resolve("daemon.log"));
        }
        return CheckResult.ok(NAME, "running, " + last);
    }

    /** Whether another process holds the daemon lock; the file is never created here. */
    private boolean lockHeld() throws InterruptedException {
        if (!Files.exists(layout.daemonLock())) {
            return false;
        }
        Optional<SyncLock.Held> held = new FileSyncLock(layout.daemonLock()).tryAcquire(Duration.ZERO);
        held.ifPresent(SyncLock.Held::close);
        return held.isEmpty();
    }
}
