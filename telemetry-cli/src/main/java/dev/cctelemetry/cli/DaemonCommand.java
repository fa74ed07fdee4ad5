package dev.cctelemetry.cli;

import dev.cctelemetry.cli.config.ConfigStore;
import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.cli.hook.HookScripts;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.LaunchSpec;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import dev.cctelemetry.poller.DaemonInstanceLock;
import dev.cctelemetry.poller.DaemonLoop;
import dev.cctelemetry.poller.DaemonSchedule;
import dev.cctelemetry.poller.DaemonStatusFile;
import dev.cctelemetry.poller.KnownRootsFile;
import dev.cctelemetry.poller.ReconciliationPass;
import dev.cctelemetry.poller.Sleeper;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry daemon}: reconcile at start and then every interval, so sessions the hooks missed reach
 * the ledger. One per machine (an OS file lock); stops cleanly on SIGTERM or Ctrl-C.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Reconcile the ledger with every transcript at start and then every interval (catches"
                + " sessions the hooks missed). One daemon per machine; stop with Ctrl-C or SIGTERM.",
            "Log: <home>/logs/daemon.log; last pass: <home>/state/daemon-status.json."})
public final class DaemonCommand implements Callable<Integer> {

    /** How long a stop request waits for the pass in progress to reach a commit boundary. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Option(names = "--interval", paramLabel = "DURATION", converter = IntervalConverter.class,
            description = "Time between passes, e.g. 60m, 15m, 90s (default: 60m when Claude Code hooks are"
                    + " installed, else 15m).")
    Duration interval;

    @Option(names = "--background", description = "Start the daemon detached from this terminal and return.")
    boolean background;

    @Option(names = "--claude-dir", paramLabel = "DIR",
            description = "Claude config folder holding projects/ (repeatable). Default: CLAUDE_CONFIG_DIR,"
                    + " else ~/.config/claude and ~/.claude; plus the roots hooks recorded.")
    List<Path> claudeDirs = new ArrayList<>();

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final LocalServices services;
    private final Clock clock;
    private final Detacher detacher;
    private final HookScriptRenderer renderer;

    /** A daemon command. */
    @Inject
    public DaemonCommand(LocalServices services, Clock clock, Detacher detacher, HookScriptRenderer renderer) {
        this.services = services;
        this.clock = clock;
        this.detacher = detacher;
        this.renderer = renderer;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TelemetryEnvironment env = services.environment();
        Path home = env.telemetryHome();
        services.roots(claudeDirs); // a named folder without projects/ is a usage error, now rather than hourly
        Duration every = interval != null ? interval : DaemonSchedule.defaultInterval(hooksInstalled(renderer, home));
        Path lockFile = home.resolve("state").resolve("daemon.lock");
        if (background) {
            return startDetached(out, home, lockFile, every);
        }
        new ConfigStore(home.resolve("config.json"), () -> Main.hostName(env.env())).loadOrCreate();
        long pid = ProcessHandle.current().pid();
        Optional<DaemonInstanceLock> lock = DaemonInstanceLock.tryAcquire(lockFile, pid);
        if (lock.isEmpty()) {
            throw alreadyRunning(lockFile);
        }
        try (DaemonInstanceLock held = lock.get();
             DaemonLogging logging = DaemonLogging.start(home.resolve("logs").resolve("daemon.log"))) {
            DaemonStatusFile status = new DaemonStatusFile(home.resolve("state").resolve("daemon-status.json"));
            ReconciliationPass pass = new ReconciliationPass(perPassSync(), environmentRoots(),
                    new KnownRootsFile(home.resolve("state").resolve("roots.json")), new PushAfterPass(services),
                    clock, System::nanoTime);
            DaemonLoop loop = new DaemonLoop(pass::run,
                    (o, failures, delay) -> status.record(o, failures, clock.instant().plus(delay), pid),
                    DaemonSchedule.every(every), clock, System::nanoTime, Sleeper.threadSleep());
            out.printf(Locale.ROOT, "cc-telemetry daemon (pid %d): a pass now and every %s. Log: %s%n", pid,
                    IntervalConverter.format(every), home.resolve("logs").resolve("daemon.log"));
            out.flush();
            runUntilStopped(loop);
        }
        return ExitCode.OK;
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
        try {
            loop.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it sees the latch released
            }
        }
    }

    /** Each pass opens the ledger afresh, so a pass recovers from a ledger that was broken during the last. */
    private SyncUseCase perPassSync() {
        return (request, progress) -> {
            try (SqliteLedger ledger = services.openLedger()) {
                return services.syncService(ledger).sync(request, progress);
            }
        };
    }

    /** The environment's roots, re-resolved every pass (a root created later is picked up). */
    private Supplier<List<ClaudeRoot>> environmentRoots() {
        TelemetryEnvironment env = services.environment();
        List<Path> explicit = List.copyOf(claudeDirs);
        return () -> new ClaudeRootResolver(env.env(), env.userHome()).resolve(explicit).roots();
    }

    private int startDetached(PrintWriter out, Path home, Path lockFile, Duration every) throws IOException {
        if (DaemonInstanceLock.isHeld(lockFile)) {
            throw alreadyRunning(lockFile);
        }
        Path jar = JarLocation.runningJar().orElseThrow(() -> CliException.failure(
                "--background needs cc-telemetry to run from its jar (java -jar cc-telemetry.jar ...)", null));
        List<String> cmd = new ArrayList<>(List.of(JarLocation.javaExecutable().toString()));
        cmd.addAll(dev.cctelemetry.cli.hook.WorkerClassArchive.BACKGROUND_JVM_OPTIONS); // resident: keep it small
        cmd.addAll(List.of("-Duser.home=" + services.environment().userHome(), "-jar", jar.toString(), "daemon",
                "--interval", IntervalConverter.format(every)));
        for (Path d : claudeDirs) {
            cmd.add("--claude-dir");
            cmd.add(d.toAbsolutePath().toString());
        }
        Files.createDirectories(home);
        detacher.start(new LaunchSpec(cmd, home, Map.of("CC_TELEMETRY_HOME", home.toString())));
        out.printf(Locale.ROOT, "Started the cc-telemetry daemon in the background (a pass every %s). Log: %s%n",
                IntervalConverter.format(every), home.resolve("logs").resolve("daemon.log"));
        return ExitCode.OK;
    }

    /** Hooks count as installed when setup-hooks has written our hook scripts (this platform's names). */
    static boolean hooksInstalled(HookScriptRenderer renderer, Path home) {
        return !new HookScripts(renderer, home).installed().isEmpty();
    }

    private static CliException alreadyRunning(Path lockFile) {
        OptionalLong pid = DaemonInstanceLock.holderPid(lockFile);
        String who = pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "";
        return CliException.failure("another cc-telemetry daemon is already running" + who + "; it holds "
                + lockFile + ". Stop it first (or use service-status).", null);
    }
}
