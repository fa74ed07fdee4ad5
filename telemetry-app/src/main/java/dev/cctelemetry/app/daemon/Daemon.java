package dev.cctelemetry.app.daemon;

import dev.cctelemetry.core.io.PrivateFiles;
import dev.cctelemetry.core.io.PrivateTree;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.alert.Alerts;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.hooks.HookScripts;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.push.PushAfterPass;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.hooks.JavaExecutable;
import dev.cctelemetry.app.hooks.InstalledJar;
import dev.cctelemetry.app.hooks.WorkerClassArchive;
import dev.cctelemetry.app.sync.Figures;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.LaunchSpec;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.poller.AfterPass;
import dev.cctelemetry.poller.DaemonInstanceLock;
import dev.cctelemetry.poller.DaemonLoop;
import dev.cctelemetry.poller.DaemonSchedule;
import dev.cctelemetry.poller.DaemonStatusFile;
import dev.cctelemetry.poller.IntervalText;
import dev.cctelemetry.poller.ReconciliationPass;
import dev.cctelemetry.core.port.out.Sleeper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The reconciliation daemon: a pass at start and then every interval over every root (the environment's and those
 * hooks recorded), a push and the alerts after each, one daemon per machine ({@code state/daemon.lock}), its last
 * pass in {@code state/daemon-status.json}. Runs in this process until SIGTERM or Ctrl-C, or detached in the
 * background.
 */
public final class Daemon {

    /** How long a stop request waits for the pass in progress to reach a commit boundary. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** How long {@code --background} waits for the new daemon to take the lock and say its pid. */
    static final Duration START_WAIT = Duration.ofSeconds(20);

    private final TelemetryEnvironment env;
    private final Configs configs;
    private final ClaudeRoots roots;
    private final Ledgers ledgers;
    private final Syncs syncs;
    private final PushAfterPass push;
    private final Alerts alerts;
    private final Detacher detacher;
    private final HookScriptRenderer renderer;
    private final InstalledJar installedJar;
    private final Clock clock;

    @Inject
    Daemon(TelemetryEnvironment env, Configs configs, ClaudeRoots roots, Ledgers ledgers, Syncs syncs,
            PushAfterPass push, Alerts alerts, Detacher detacher, HookScriptRenderer renderer,
            InstalledJar installedJar, Clock clock) {
        this.env = env;
        this.configs = configs;
        this.roots = roots;
        this.ledgers = ledgers;
        this.syncs = syncs;
        this.push = push;
        this.alerts = alerts;
        this.detacher = detacher;
        this.renderer = renderer;
        this.installedJar = installedJar;
        this.clock = clock;
    }

    /**
     * The interval to use: the one asked for, else 60 minutes when the hooks are installed and 15 otherwise.
     * Checks the named roots now (a folder without projects/ is a usage error) rather than at every pass.
     */
    public Duration interval(Optional<Duration> asked, List<Path> claudeDirs) {
        roots.resolve(claudeDirs);
        return asked.orElseGet(() -> DaemonSchedule.defaultInterval(
                !new HookScripts(renderer, env.telemetryHome()).installed().isEmpty()));
    }

    /** The daemon's log file. */
    public Path log() {
        return env.layout().daemonLog();
    }

    /**
     * Runs the daemon in this process until it is stopped (SIGTERM, Ctrl-C): each pass ingests, then pushes.
     *
     * @param every the interval
     * @param claudeDirs roots named on the command line, else the environment's
     * @param logging starts the daemon's log for as long as it runs (the front end owns logging)
     * @param started told the daemon's pid once it holds the lock and its log is open
     * @throws AppException when another daemon runs
     */
    public void run(Duration every, List<Path> claudeDirs, Supplier<AutoCloseable> logging, LongConsumer started)
            throws Exception {
        InstallLayout layout = env.layout();
        configs.store().loadOrCreate();
        long pid = ProcessHandle.current().pid();
        Optional<DaemonInstanceLock> lock = DaemonInstanceLock.tryAcquire(layout.daemonLock(), pid);
        if (lock.isEmpty()) {
            throw alreadyRunning(layout.daemonLock());
        }
        List<Path> explicit = List.copyOf(claudeDirs);
        try (DaemonInstanceLock held = lock.get(); AutoCloseable log = logging.get()) {
            PrivateTree.restrict(layout.home()); // an install from before 17.1 is made owner-only here too
            DaemonStatusFile status = new DaemonStatusFile(layout.daemonStatus());
            ReconciliationPass pass = new ReconciliationPass(perPassSync(), () -> roots.toScan(explicit),
                    afterEachPass(), clock, System::nanoTime);
            DaemonLoop loop = new DaemonLoop(pass::run,
                    (o, failures, delay) -> status.record(o, failures, clock.instant().plus(delay), pid),
                    DaemonSchedule.every(every), clock, System::nanoTime, Sleeper.REAL);
            started.accept(pid);
            runUntilStopped(loop);
        }
    }

    /**
     * Starts the daemon detached from this process (its own session, no inherited stdio) on the jar's copy under
     * {@code lib/} (installed now if needed, so a rebuilt checkout does not pull the jar from under it), and
     * waits a little for it to take the daemon lock.
     *
     * @return its pid once it holds the lock; empty when it has not taken it within {@link #START_WAIT}
     * @throws AppException when a daemon runs already, or this process does not run from the jar
     */
    public OptionalLong startInBackground(Duration every, List<Path> claudeDirs)
            throws IOException, InterruptedException {
        InstallLayout layout = env.layout();
        if (DaemonInstanceLock.isHeld(layout.daemonLock())) {
            throw alreadyRunning(layout.daemonLock());
        }
        Path jar = installedJar.install().orElseThrow(() -> AppException.failure(
                "--background needs cc-telemetry to run from its jar (java -jar cc-telemetry.jar ...)", null)).jar();
        List<String> cmd = new ArrayList<>(List.of(JavaExecutable.launcher().toString()));
        cmd.addAll(WorkerClassArchive.BACKGROUND_JVM_OPTIONS); // resident: keep it small
        cmd.addAll(List.of("-Duser.home=" + env.userHome(), "-jar", jar.toString(), "daemon",
                "--interval", IntervalText.format(every)));
        for (Path d : claudeDirs) {
            cmd.add("--claude-dir");
            cmd.add(d.toAbsolutePath().toString());
        }
        Path home = layout.home();
        PrivateFiles.createDirectories(home);
        detacher.start(new LaunchSpec(cmd, home, Map.of("CC_TELEMETRY_HOME", home.toString())));
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<OptionalLong> running = running();
            if (running.isPresent() && running.get().isPresent()) {
                return running.get();
            }
            Thread.sleep(50);
        }
        return OptionalLong.empty();
    }

    /**
     * Stops the daemon running on this machine: SIGTERM (it stops at its next commit boundary and exits 0), then
     * waits for it to exit.
     *
     * @return the pid stopped; empty when no daemon runs
     * @throws AppException when the lock names no live process, or it has not exited within the grace
     */
    public OptionalLong stop() throws IOException, InterruptedException {
        Path lock = env.layout().daemonLock();
        if (!DaemonInstanceLock.isHeld(lock)) {
            return OptionalLong.empty();
        }
        OptionalLong pid = DaemonInstanceLock.holderPid(lock);
        Optional<ProcessHandle> daemon = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (daemon.isEmpty()) {
            throw AppException.failure("a daemon holds " + lock + " but its pid is not known here; stop it with"
                    + " the service manager (uninstall-service) or the system's process tools", null);
        }
        daemon.get().destroy();
        Duration wait = STOP_GRACE.plusSeconds(5);
        try {
            daemon.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw AppException.failure("the daemon (pid " + pid.getAsLong() + ") has not stopped after "
                    + wait.toSeconds() + " s; end it with: kill -9 " + pid.getAsLong(), e);
        }
        return pid;
    }

    /**
     * Whether a daemon runs on this machine now (it holds {@code state/daemon.lock}), and its pid when known.
     *
     * @return empty when none runs; a present but empty pid when one runs whose pid is not recorded
     */
    public Optional<OptionalLong> running() throws IOException {
        Path lock = env.layout().daemonLock();
        return DaemonInstanceLock.isHeld(lock) ? Optional.of(DaemonInstanceLock.holderPid(lock)) : Optional.empty();
    }

    /**
     * The last pass as {@code service-status} tells it: time (to the second), outcome, counts, and when the next
     * is due, which only a running daemon has (a stopped one's recorded due time is in the past).
     *
     * @param running whether a daemon runs now ({@link #running()})
     */
    public Optional<String> lastPass(boolean running) {
        return new DaemonStatusFile(env.layout().daemonStatus()).read().map(s -> seconds(s.path("time").asText())
                + " " + (s.path("ok").asBoolean() ? "ok" : "failed: " + s.path("error").asText()) + ", "
                + Figures.counted(s.path("filesChecked").asLong(), "file", "files") + " checked, "
                + Figures.counted(s.path("recordsAdded").asLong(), "record", "records") + " added; "
                + (running ? "next pass due " + seconds(s.path("nextPassAt").asText())
                        : "no pass is due: the daemon is not running"));
    }

    /** An instant from the status file to the second: the file keeps the clock's nanoseconds. */
    private static String seconds(String instant) {
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /**
     * What follows each pass's ingest: the push, then the alerts (in the user's zone). Neither throws: a store or a
     * webhook that is down is retried by a later pass and must not count as a failed ingest.
     */
    public AfterPass afterEachPass() {
        return summary -> {
            push.afterPass(summary);
            alerts.evaluate(ZoneId.systemDefault(), "daemon");
        };
    }

    /** Each pass opens the ledger afresh, so a pass recovers from a ledger that was broken during the last. */
    private SyncUseCase perPassSync() {
        return (request, progress) -> {
            try (Ledger ledger = ledgers.open()) {
                return syncs.over(ledger).sync(request, progress);
            }
        };
    }

    /** Runs the loop; SIGTERM/Ctrl-C stops it and waits (bounded) for the pass in progress to commit. */
    private static void runUntilStopped(DaemonLoop loop) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            loop.stop();
            try {
                finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cct-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // SIGTERM (a service manager's stop, daemon --stop) stops the loop without the JVM shutting down, so the
        // daemon returns and exits 0; Ctrl-C (SIGINT) still goes through the hook above.
        Optional<TermSignal> term = TermSignal.catching(loop::stop);
        try {
            loop.run();
        } finally {
            term.ifPresent(TermSignal::close);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it sees the latch released
            }
        }
    }

    private static AppException alreadyRunning(Path lockFile) {
        OptionalLong pid = DaemonInstanceLock.holderPid(lockFile);
        String who = pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "";
        return AppException.failure("another cc-telemetry daemon is already running" + who + "; it holds "
                + lockFile + ". Stop it first (or use service-status).", null);
    }
}
