package dev.cctelemetry.cli;

import dev.cctelemetry.cli.hook.HookSyncLog;
import dev.cctelemetry.cli.hook.RecordedRoots;
import dev.cctelemetry.core.lock.FileSyncLock;
import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.port.out.HookStatusStore;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import dev.cctelemetry.hooks.worker.WorkerEvent;
import dev.cctelemetry.hooks.worker.HookRunResult;
import dev.cctelemetry.hooks.worker.HookWorker;
import dev.cctelemetry.hooks.worker.SettleConfig;
import dev.cctelemetry.hooks.worker.SpoolReader;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cc-telemetry hook-run} (internal, hidden from help): the worker the hook scripts start detached. Runs
 * {@link HookWorker} against the real ledger, records the roots it saw, logs to {@code logs/hook-sync.log}.
 * Always exits 0 and prints nothing: {@link Main} routes it so that even a bad command line stays silent.
 */
@Command(name = "hook-run", hidden = true,
        description = "Internal: handle one Claude Code hook event (started by the hook scripts).")
public final class HookRunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(HookRunCommand.class);
    /** How long the end of a run waits for the lock to write its last log lines. */
    static final Duration FINAL_LOG_WAIT = Duration.ofSeconds(30);
    /** Hook syncs read one session's few files. */
    private static final int THREADS = 2;

    @Option(names = "--event", required = true, paramLabel = "EVENT", description = "stop, session-end or stop-trailing")
    String event;

    @Option(names = "--spool", paramLabel = "FILE", description = "The payload the hook script spooled.")
    Path spool;

    @Option(names = "--session", paramLabel = "ID", description = "The session (required for stop-trailing).")
    String session;

    private final LocalServices services;
    private final HookSyncLog hookLog;
    private final Clock clock;

    /** A hook-run command. */
    @Inject
    public HookRunCommand(LocalServices services, HookSyncLog hookLog, Clock clock) {
        this.services = services;
        this.hookLog = hookLog;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        TelemetryEnvironment env = services.environment();
        Path state = env.telemetryHome().resolve("state");
        RecordedRoots recorded = new RecordedRoots(state.resolve("roots.json"));
        AtomicReference<List<ClaudeRoot>> seen = new AtomicReference<>(List.of());
        SyncLock lock = hookLog.guard(new FileSyncLock(env.syncLockFile()), () -> record(recorded, seen.get()));
        try {
            Optional<WorkerEvent> ev = WorkerEvent.fromCliName(event);
            if (ev.isEmpty()) {
                log.warn("hook-run: unknown --event, ignored");
                deleteSpool();
                return ExitCode.OK;
            }
            HookStatusStore status = new FileHookStatusStore(state);
            HookRunResult r;
            try (SqliteLedger ledger = services.openLedger()) {
                SyncService sync = new SyncService(ledger, lock, new CostCalculator(services.prices()),
                        System::nanoTime, THREADS);
                SyncUseCase recording = (request, progress) -> {
                    seen.set(request.roots()); // written to roots.json under the lock, see guard above
                    return sync.sync(request, progress);
                };
                HookWorker worker = new HookWorker(recording, status, clock, () -> roots(env, recorded),
                        SettleConfig.DEFAULT, spoolFolder());
                r = worker.run(ev.get(), spool, Optional.ofNullable(session));
            }
            log.info("hook-run {} done: {} session={} added={} updated={} elapsed={}ms{}", ev.get().cliName(),
                    r.status(), r.sessionId().isEmpty() ? "-" : r.sessionId(), r.recordsAdded(), r.recordsUpdated(),
                    r.elapsed().toMillis(), r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
            pushAfterSync();
        } catch (RuntimeException e) {
            // The ledger could not be opened (or closed): the hook must still end quietly; doctor shows why.
            log.error("hook-run {} failed: {}", event, Main.oneLine(e));
            deleteSpool();
        } finally {
            hookLog.flushUnderLock(lock, FINAL_LOG_WAIT);
        }
        return ExitCode.OK;
    }

    /**
     * Pushes when a store is configured (automatic mode: honours the backoff, never waits behind another push).
     * {@link LocalServices#pushIfConfigured()} never throws, so the hook still ends quietly.
     */
    private void pushAfterSync() {
        PushResult p = services.pushIfConfigured();
        if (p.failed()) {
            log.warn("hook-run push: {}", p.summaryLine());
        } else if (p.pushed() > 0) {
            log.info("hook-run push: {}", p.summaryLine());
        }
    }

    /** The roots of Claude Code's environment (the hook inherits it) plus every root a hook has seen before. */
    static List<ClaudeRoot> roots(TelemetryEnvironment env, RecordedRoots recorded) {
        Set<ClaudeRoot> all = new LinkedHashSet<>(
                new ClaudeRootResolver(env.env(), env.userHome()).resolve(List.of()).roots());
        for (ClaudeRoot r : recorded.load()) {
            if (Files.isDirectory(r.projects())) {
                all.add(r);
            }
        }
        return List.copyOf(all);
    }

    private static void record(RecordedRoots recorded, List<ClaudeRoot> roots) {
        try {
            recorded.add(roots);
        } catch (IOException e) {
            log.warn("cannot record Claude roots: {}", Main.oneLine(e));
        }
    }

    /** A payload nobody will read must not linger: it may hold the last assistant message. */
    private void deleteSpool() {
        if (spool != null) {
            new SpoolReader(spoolFolder()).discard(spool);
        }
    }

    private Path spoolFolder() {
        return services.environment().telemetryHome().resolve("spool");
    }
}
