package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.port.out.Sleeper;
import dev.cctelemetry.core.error.ErrorLine;

import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.port.out.HookStatusStore;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case behind {@code cc-telemetry hook-run}: takes the spooled payload (deleting it at once), validates it,
 * records that the hook fired, waits for the transcript to settle on SessionEnd, ingests exactly that session's
 * files, and records the outcome for {@code doctor}. {@link #run} never throws: the worker runs detached after
 * Claude Code has moved on, and its only duties are to do the sync or to say in the log and the status why not.
 */
public final class HookWorker {

    private static final Logger log = LoggerFactory.getLogger(HookWorker.class);
    private static final int MAX_ERROR_CHARS = 300;

    private final SyncUseCase sync;
    private final HookStatusStore status;
    private final Clock clock;
    private final Supplier<List<ClaudeRoot>> roots;
    private final SettleWait settle;
    private final SpoolReader spoolReader;
    private final HookPayloadParser parser = new HookPayloadParser();
    private final TranscriptPathGuard guard = new TranscriptPathGuard();
    private final SessionFileSelector selector = new SessionFileSelector();

    /**
     * A worker that really sleeps while waiting for a transcript to settle.
     *
     * @param sync the ingest
     * @param status where the hook status goes
     * @param clock the time of the status entries and the settle wait
     * @param roots the known Claude roots (read once per run)
     * @param settle how long to wait on SessionEnd
     * @param spoolFolder the only folder whose files {@code --spool} may name ({@code <home>/spool})
     */
    public HookWorker(SyncUseCase sync, HookStatusStore status, Clock clock, Supplier<List<ClaudeRoot>> roots,
            SettleConfig settle, Path spoolFolder) {
        this(sync, status, clock, roots, new SettleWait(clock, Sleeper.REAL, settle), spoolFolder);
    }

    /** A worker with its own settle wait (tests pass one with a fake sleeper). */
    public HookWorker(SyncUseCase sync, HookStatusStore status, Clock clock, Supplier<List<ClaudeRoot>> roots,
            SettleWait settle, Path spoolFolder) {
        this.sync = Objects.requireNonNull(sync, "sync is null");
        this.status = Objects.requireNonNull(status, "status is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.roots = Objects.requireNonNull(roots, "roots is null");
        this.settle = Objects.requireNonNull(settle, "settle is null");
        this.spoolReader = new SpoolReader(spoolFolder);
    }

    /**
     * Handles one hook. Never throws.
     *
     * @param event the event
     * @param spool the spool file the hook script wrote; may be null for {@link WorkerEvent#STOP_TRAILING}, which
     *     has none. Read and deleted whatever follows, if it lies in the spool folder (else rejected, untouched).
     *     A payload the script cut at {@link SpoolReader#MAX_BYTES} counts if its start names the session.
     * @param session {@code --session}: required for {@link WorkerEvent#STOP_TRAILING}; for the other events,
     *     when given, it must match the payload's session id
     */
    public HookRunResult run(WorkerEvent event, Path spool, Optional<String> session) {
        Instant start = clock.instant();
        Run run = new Run(event, start);
        try {
            return handle(run, spool, session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.fail("interrupted");
        } catch (Throwable e) { // the process exits right after; whatever happened, the hook must not see it
            return run.fail(ErrorLine.withType(e, MAX_ERROR_CHARS));
        }
    }

    private HookRunResult handle(Run run, Path spool, Optional<String> session) throws Exception {
        Optional<String> cliSession = session == null ? Optional.empty() : session;
        if (cliSession.isPresent() && !SessionId.isValid(cliSession.get())) {
            return run.reject("--session is not a UUID");
        }
        Optional<byte[]> payload;
        try {
            payload = spool == null ? Optional.empty() : spoolReader.take(spool);
        } catch (SpoolReader.SpoolTooLargeException e) {
            return run.reject("hook spool file too large");
        } catch (SpoolReader.NotASpoolFileException e) {
            return run.reject(e.getMessage());
        }
        String transcriptPath = "";
        String sessionId;
        if (payload.isPresent()) {
            HookPayloadParser.Result parsed = parser.parse(payload.get());
            boolean cut = payload.get().length >= SpoolReader.MAX_BYTES;
            if (parsed instanceof HookPayloadParser.Result.Rejected && cut) {
                // The script keeps the first MiB of stdin: read what the cut left whole.
                parsed = parser.parseCut(payload.get());
            }
            if (parsed instanceof HookPayloadParser.Result.Rejected r && cut && cliSession.isPresent()) {
                // Nothing whole before the cut: the session the script read from the payload's start will do.
                log.info("hook {}: payload cut at {} bytes ({}); syncing the session named by the hook script",
                        run.event.cliName(), SpoolReader.MAX_BYTES, r.reason());
                parsed = new HookPayloadParser.Result.Parsed(new HookPayload(cliSession.get(), "", "", "", ""));
            }
            if (parsed instanceof HookPayloadParser.Result.Rejected r) {
                return run.reject(r.reason());
            }
            HookPayload p = ((HookPayloadParser.Result.Parsed) parsed).payload();
            if (cliSession.isPresent() && !cliSession.get().equalsIgnoreCase(p.sessionId())) {
                return run.reject("payload session_id does not match --session");
            }
            sessionId = p.sessionId();
            transcriptPath = p.transcriptPath();
        } else if (run.event.needsSpool()) {
            log.info("hook {}: no spool file, nothing to do", run.event.cliName());
            return run.result(HookRunResult.Status.IGNORED, "", "no spool file", 0, 0);
        } else if (cliSession.isPresent()) {
            sessionId = cliSession.get();
        } else {
            return run.reject(run.event.cliName() + " needs --session");
        }
        run.session = sessionId;
        run.recordFired();

        List<ClaudeRoot> known = List.copyOf(roots.get());
        TranscriptPathGuard.Result checked = guard.check(transcriptPath, known);
        SessionFiles files;
        if (checked instanceof TranscriptPathGuard.Result.Rejected r) {
            return run.reject(r.reason());
        } else if (checked instanceof TranscriptPathGuard.Result.Accepted a) {
            files = selector.forTranscript(a.root(), a.realPath(), sessionId);
        } else {
            files = selector.search(known, sessionId);
        }
        if (files.isEmpty()) {
            return run.finish(HookRunResult.Status.NO_TRANSCRIPT, "no transcript found for the session", 0, 0);
        }
        if (run.event == WorkerEvent.SESSION_END) {
            for (Path main : files.mainTranscripts()) {
                SettleWait.Settled how = settle.await(main);
                log.debug("transcript settled: {}", how);
            }
        }
        SyncSummary summary = sync.sync(files.syncRequest(), SyncProgress.NONE);
        log.info("hook {} session {}: {} files, {} new records, {} updated", run.event.cliName(), sessionId,
                summary.filesRead(), summary.newRecords(), summary.updatedRecords());
        return run.finish(HookRunResult.Status.SYNCED, "", summary.newRecords(), summary.updatedRecords());
    }

    /** The state of one run, so every exit path records the same way. */
    private final class Run {
        final WorkerEvent event;
        final Instant start;
        String session = "";

        Run(WorkerEvent event, Instant start) {
            this.event = event;
            this.start = start;
        }

        void recordFired() {
            try {
                status.recordFired(new HookStatusStore.Fired(start, event.cliName(), session));
            } catch (RuntimeException e) {
                log.warn("cannot record hook status: {}", ErrorLine.withType(e, MAX_ERROR_CHARS));
            }
        }

        HookRunResult reject(String reason) {
            log.warn("hook {}: rejected: {}", event.cliName(), reason);
            if (session.isEmpty()) {
                recordFired(); // the payload never got that far, but the hook did fire
            }
            return finish(HookRunResult.Status.REJECTED, "rejected: " + reason, 0, 0);
        }

        HookRunResult fail(String error) {
            log.error("hook {}: sync failed: {}", event.cliName(), error);
            return finish(HookRunResult.Status.FAILED, error, 0, 0);
        }

        HookRunResult finish(HookRunResult.Status st, String detail, long added, long updated) {
            HookRunResult r = result(st, session, detail, added, updated);
            boolean ok = st == HookRunResult.Status.SYNCED;
            try {
                status.recordOutcome(new HookStatusStore.Outcome(clock.instant(), event.cliName(), session, ok,
                        ok ? "" : detail, added, updated, r.elapsed()));
            } catch (RuntimeException e) {
                log.warn("cannot record hook outcome: {}", ErrorLine.withType(e, MAX_ERROR_CHARS));
            }
            return r;
        }

        HookRunResult result(HookRunResult.Status st, String sessionId, String detail, long added,
                long updated) {
            Duration elapsed = Duration.between(start, clock.instant());
            return new HookRunResult(st, sessionId, detail, added, updated,
                    elapsed.isNegative() ? Duration.ZERO : elapsed);
        }
    }
}
