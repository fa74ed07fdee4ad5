package dev.cctelemetry.app.hooks;

import dev.cctelemetry.app.alert.Alerts;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.push.Pushes;
import dev.cctelemetry.app.roots.ClaudeRoots;
import dev.cctelemetry.app.roots.KnownRoots;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import dev.cctelemetry.hooks.worker.HookRunResult;
import dev.cctelemetry.hooks.worker.HookWorker;
import dev.cctelemetry.hooks.worker.SettleConfig;
import dev.cctelemetry.hooks.worker.SpoolReader;
import dev.cctelemetry.hooks.worker.WorkerEvent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hook event, handled by the detached worker the hook scripts start ({@code hook-run}): {@link HookWorker}
 * against this machine's ledger, over the roots of Claude Code's environment plus those hooks recorded before;
 * the roots it read are recorded in turn, a push follows when a store is configured, then the alerts. Never throws:
 * the hook must end quietly whatever happens; the log and {@code doctor} say why.
 */
public final class HookRun {

    private static final Logger log = LoggerFactory.getLogger(HookRun.class);

    private final InstallLayout layout;
    private final Ledgers ledgers;
    private final Syncs syncs;
    private final ClaudeRoots roots;
    private final KnownRoots known;
    private final Pushes pushes;
    private final Alerts alerts;
    private final Clock clock;

    @Inject
    HookRun(InstallLayout layout, Ledgers ledgers, Syncs syncs, ClaudeRoots roots, KnownRoots known, Pushes pushes,
            Alerts alerts, Clock clock) {
        this.layout = layout;
        this.ledgers = ledgers;
        this.syncs = syncs;
        this.roots = roots;
        this.known = known;
        this.pushes = pushes;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Handles one event.
     *
     * @param event {@code --event}: stop, session-end or stop-trailing
     * @param spool the payload the hook script spooled, or null
     * @param session {@code --session}, when given
     */
    public void run(String event, Path spool, Optional<String> session) {
        try {
            Optional<WorkerEvent> ev = WorkerEvent.fromCliName(event);
            if (ev.isEmpty()) {
                log.warn("hook-run: unknown --event, ignored");
                deleteSpool(spool);
                return;
            }
            HookRunResult r;
            try (Ledger ledger = ledgers.open()) {
                SyncUseCase sync = syncs.forHook(ledger);
                SyncUseCase recording = (request, progress) -> {
                    try {
                        return sync.sync(request, progress);
                    } finally {
                        record(request.roots());
                    }
                };
                HookWorker worker = new HookWorker(recording, new FileHookStatusStore(layout.stateDir()), clock,
                        () -> roots.toScan(List.of()), SettleConfig.DEFAULT, layout.spoolDir());
                r = worker.run(ev.get(), spool, session);
            }
            log.info("hook-run {} done: {} session={} added={} updated={} elapsed={}ms{}", ev.get().cliName(),
                    r.status(), r.sessionId().isEmpty() ? "-" : r.sessionId(), r.recordsAdded(), r.recordsUpdated(),
                    r.elapsed().toMillis(), r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
            pushAfterSync();
            // After the push (an all-machines budget reads the store), on a ledger connection of its own: the sync
            // lock is released by now, so a webhook that hangs delays no other sync. Bounded and never throws.
            alerts.evaluate(ZoneId.systemDefault(), "hook-run");
        } catch (RuntimeException e) {
            // The ledger could not be opened (or closed): the hook must still end quietly; doctor shows why.
            log.error("hook-run {} failed: {}", event, ErrorLine.of(e));
            deleteSpool(spool);
        }
    }

    /** Pushes when a store is configured (automatic mode: honours the backoff, never waits behind another push). */
    private void pushAfterSync() {
        PushResult p = pushes.pushIfConfigured();
        if (p.failed()) {
            log.warn("hook-run push: {}", p.summaryLine());
        } else if (p.pushed() > 0) {
            log.info("hook-run push: {}", p.summaryLine());
        }
    }

    /** Remembers the roots this hook read, so the daemon and manual syncs scan them too. */
    private void record(List<ClaudeRoot> read) {
        try {
            known.record(read);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot record Claude roots: {}", ErrorLine.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A payload nobody will read must not linger: it may hold the last assistant message. */
    private void deleteSpool(Path spool) {
        if (spool != null) {
            new SpoolReader(layout.spoolDir()).discard(spool);
        }
    }
}
