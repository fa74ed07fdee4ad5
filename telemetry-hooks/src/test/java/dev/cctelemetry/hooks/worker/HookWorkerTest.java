package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.testing.FakeTime;
import dev.cctelemetry.core.port.out.Sleeper;
import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_A;
import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_B;
import static dev.cctelemetry.hooks.worker.ClaudeTree.assistant;
import static dev.cctelemetry.hooks.worker.ClaudeTree.costState;
import static dev.cctelemetry.hooks.worker.ClaudeTree.payload;
import static dev.cctelemetry.hooks.worker.ClaudeTree.userLine;
import static dev.cctelemetry.hooks.worker.ClaudeTree.write;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.HookStatusStore;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.ModelPrice;
import dev.cctelemetry.core.pricing.PriceTable;
import dev.cctelemetry.core.pricing.Rates;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.InMemoryLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HookWorkerTest {

    @TempDir
    Path tmp;

    private ClaudeTree claude;
    private InMemoryLedger ledger;
    private FileHookStatusStore status;
    private FakeTime clock;
    private Path spool;

    @BeforeEach
    void setUp() {
        claude = new ClaudeTree(tmp);
        ledger = new InMemoryLedger();
        status = new FileHookStatusStore(tmp.resolve("home/state"));
        clock = new FakeTime(Instant.parse("2026-03-01T10:05:00Z"));
        spool = tmp.resolve("home/spool/stop-1.json");
    }

    /** A one-model price table (the test does not check prices, only which records arrive). */
    private static CostCalculator pricing() {
        String model = "claude-sonnet-4-5-20250929";
        return new CostCalculator(new PriceTable("test",
                Map.of(model, new ModelPrice(model, Rates.standard(3e-6, 15e-6), Optional.empty(), 1.0, "test")),
                Map.of()));
    }

    private HookWorker worker(Sleeper sleeper, SettleConfig settle) {
        SyncService sync = new SyncService(ledger, new FileSyncLock(tmp.resolve("home/state/sync.lock")),
                pricing(), System::nanoTime, 2);
        return new HookWorker(sync, status, clock, () -> List.of(claude.root),
                new SettleWait(clock, sleeper, settle), tmp.resolve("home/spool"));
    }

    private HookWorker worker() {
        return worker(d -> clock.advance(d), SettleConfig.DEFAULT);
    }

    private HookRunResult runStop(String payloadJson) {
        write(spool, payloadJson);
        return worker().run(WorkerEvent.STOP, spool, Optional.empty());
    }

    /** Session A: main file, a nested subagent, a flat agent file; session B next to it in the same project. */
    private void twoSessionsInOneProject() {
        write(claude.mainTranscript(SESSION_A), userLine(SESSION_A), assistant(SESSION_A, "msg_a1", 5),
                assistant(SESSION_A, "msg_a2", 7));
        write(claude.projectDir.resolve(SESSION_A + "/subagents/agent-a1b2c3d.jsonl"),
                assistant(SESSION_A, "msg_sub1", 3));
        write(claude.projectDir.resolve("agent-1234abcd.jsonl"), assistant(SESSION_A, "msg_flat1", 2));
        write(claude.projectDir.resolve("agent-9999ffff.jsonl"), assistant(SESSION_B, "msg_flatB", 2));
        write(claude.mainTranscript(SESSION_B), assistant(SESSION_B, "msg_b1", 9));
        write(claude.projectDir.resolve(SESSION_B + "/subagents/agent-b.jsonl"), assistant(SESSION_B, "msg_sub2", 1));
    }

    private List<String> ingestedMessageIds() {
        return ledger.records().stream().map(r -> r.key().messageId()).sorted().toList();
    }

    /** What the hook script spools for a payload longer than it keeps: the first {@link SpoolReader#MAX_BYTES}. */
    private void writeCut(String payload) {
        byte[] all = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(all.length).isGreaterThan(SpoolReader.MAX_BYTES);
        write(spool, "");
        try {
            Files.write(spool, java.util.Arrays.copyOf(all, SpoolReader.MAX_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void stopPayloadCutAtTheSpoolLimitStillSyncsItsSession() {
        twoSessionsInOneProject();
        String longMessage = "x".repeat(2 * SpoolReader.MAX_BYTES);
        writeCut(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString())
                .replace("secret text", longMessage));

        HookRunResult r = worker().run(WorkerEvent.STOP, spool, Optional.of(SESSION_A));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(ingestedMessageIds()).containsExactly("msg_a1", "msg_a2", "msg_flat1", "msg_sub1");
        assertThat(spool).doesNotExist();
    }

    @Test
    void cutPayloadWithoutAWholeSessionIdSyncsTheSessionTheScriptNamed() {
        twoSessionsInOneProject();
        writeCut("{\"last_assistant_message\":\"" + "y".repeat(2 * SpoolReader.MAX_BYTES) + "\",\"session_id\":\""
                + SESSION_A + "\"}");

        HookRunResult withKey = worker().run(WorkerEvent.STOP, spool, Optional.of(SESSION_A));
        assertThat(withKey.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(ingestedMessageIds()).containsExactly("msg_a1", "msg_a2", "msg_flat1", "msg_sub1");

        writeCut("{\"last_assistant_message\":\"" + "y".repeat(2 * SpoolReader.MAX_BYTES) + "\"}");
        HookRunResult withoutKey = worker().run(WorkerEvent.STOP, spool, Optional.empty());
        assertThat(withoutKey.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(withoutKey.detail()).contains("cut before a whole session_id");
    }

    @Test
    void aSmallPayloadThatIsNotJsonIsStillRejectedWhateverTheScriptNamed() {
        twoSessionsInOneProject();
        write(spool, "{\"session_id\":\"" + SESSION_A + "\", oops");

        HookRunResult r = worker().run(WorkerEvent.STOP, spool, Optional.of(SESSION_A));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(ledger.records()).isEmpty();
    }

    @Test
    void aSpoolPathOutsideTheSpoolFolderIsRejectedAndTheFileLeftAlone() throws IOException {
        twoSessionsInOneProject();
        Path ledgerFile = write(tmp.resolve("home/telemetry.db"), "the only copy of deleted transcripts");
        write(spool, payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        for (Path p : List.of(ledgerFile, spool.resolveSibling("../telemetry.db"))) {
            HookRunResult r = worker().run(WorkerEvent.SESSION_END, p, Optional.empty());
            assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
            assertThat(r.detail()).isEqualTo("rejected: --spool is not a file in the spool folder");
        }
        assertThat(ledgerFile).hasContent("the only copy of deleted transcripts");
        assertThat(ledger.records()).isEmpty();
    }

    @Test
    void validStopPayloadIngestsExactlyThatSessionsFiles() {
        twoSessionsInOneProject();

        HookRunResult r = runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(r.recordsAdded()).isEqualTo(4);
        assertThat(ingestedMessageIds()).containsExactly("msg_a1", "msg_a2", "msg_flat1", "msg_sub1");
        assertThat(ledger.records()).extracting(UsageRecord::sessionId).containsOnly(SESSION_A);
    }

    @Test
    void spoolIsDeletedOnceRead() {
        twoSessionsInOneProject();

        runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        assertThat(spool).doesNotExist();
    }

    @Test
    void secondStopReadsOnlyTheNewTurn() {
        twoSessionsInOneProject();
        runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));
        ClaudeTree.append(claude.mainTranscript(SESSION_A), assistant(SESSION_A, "msg_a3", 4));

        HookRunResult r = runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        assertThat(r.recordsAdded()).isEqualTo(1);
        assertThat(ingestedMessageIds()).contains("msg_a3").doesNotContain("msg_b1");
    }

    @Test
    void transcriptPathOutsideTheRootsIsRejectedAndNothingRead() {
        HookRunResult r = runStop(payload("Stop", SESSION_A, "/etc/passwd"));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(ledger.commits()).isZero();
        assertThat(ledger.checkpoints()).isEmpty();
    }

    @Test
    void dotDotEscapeIsRejected() {
        Path outside = write(tmp.resolve("outside/" + SESSION_A + ".jsonl"), assistant(SESSION_A, "msg_x", 1));
        String sneaky = claude.projectDir + "/../../../outside/" + outside.getFileName();

        HookRunResult r = runStop(payload("Stop", SESSION_A, sneaky));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(r.detail()).contains("..");
        assertThat(ledger.commits()).isZero();
    }

    @Test
    void symlinkOutOfTheRootIsRejectedAndItsTargetNotRead() throws IOException {
        Path outside = write(tmp.resolve("outside/secret.jsonl"), assistant(SESSION_A, "msg_x", 1));
        Files.createSymbolicLink(claude.mainTranscript(SESSION_A), outside);

        HookRunResult r = runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(r.detail()).contains("resolves outside");
        assertThat(ledger.commits()).isZero();
    }

    @Test
    void sessionIdWithShellSyntaxIsRejected() {
        twoSessionsInOneProject();

        HookRunResult r = runStop(payload("Stop", "$(touch pwned)", claude.mainTranscript(SESSION_A).toString()));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(r.sessionId()).isEmpty();
        assertThat(ledger.commits()).isZero();
        assertThat(spool).doesNotExist();
    }

    @Test
    void sessionIdWithNewlineIsRejected() {
        twoSessionsInOneProject();

        HookRunResult r = runStop(payload("Stop", SESSION_A + "\\n", claude.mainTranscript(SESSION_A).toString()));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(ledger.commits()).isZero();
    }

    @Test
    void badJsonIsIgnoredWithoutException() {
        HookRunResult r = runStop("{\"session_id\": \"" + SESSION_A + "\", oops");

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(r.detail()).isEqualTo("rejected: payload is not valid JSON");
        assertThat(spool).doesNotExist();
        assertThat(status.status().lastError()).get().extracting(HookStatusStore.Outcome::error)
                .isEqualTo("rejected: payload is not valid JSON");
    }

    @Test
    void missingSpoolIsAnIgnorableEvent() {
        HookRunResult r = worker().run(WorkerEvent.STOP, spool, Optional.empty());

        assertThat(r.status()).isEqualTo(HookRunResult.Status.IGNORED);
        assertThat(status.status().lastOutcome()).isEmpty();
    }

    @Test
    void missingTranscriptPathIsFoundBySearch() {
        twoSessionsInOneProject();

        HookRunResult r = runStop(payload("Stop", SESSION_A, null));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(ingestedMessageIds()).containsExactly("msg_a1", "msg_a2", "msg_flat1", "msg_sub1");
    }

    @Test
    void staleTranscriptPathInsideTheRootIsFoundBySearch() {
        twoSessionsInOneProject();
        String stale = claude.root.projects().resolve("-old-worktree/" + SESSION_A + ".jsonl").toString();

        HookRunResult r = runStop(payload("Stop", SESSION_A, stale));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(r.recordsAdded()).isEqualTo(4);
    }

    @Test
    void sessionWithoutTranscriptIsReportedNotSynced() {
        HookRunResult r = runStop(payload("Stop", SESSION_A, null));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.NO_TRANSCRIPT);
        assertThat(ledger.commits()).isZero();
    }

    @Test
    void stopTrailingSyncsTheSessionGivenOnTheCommandLine() {
        twoSessionsInOneProject();

        HookRunResult r = worker().run(WorkerEvent.STOP_TRAILING, null, Optional.of(SESSION_B));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(ingestedMessageIds()).containsExactly("msg_b1", "msg_flatB", "msg_sub2");
    }

    @Test
    void stopTrailingWithoutSessionIsRejected() {
        HookRunResult r = worker().run(WorkerEvent.STOP_TRAILING, null, Optional.empty());

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
    }

    @Test
    void payloadSessionMustMatchTheCommandLineSession() {
        twoSessionsInOneProject();
        write(spool, payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        HookRunResult r = worker().run(WorkerEvent.STOP, spool, Optional.of(SESSION_B));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(ledger.commits()).isZero();
    }

    @Test
    void sessionEndWaitCapturesALineWrittenAfterTheHookFired() {
        twoSessionsInOneProject();
        Path main = claude.mainTranscript(SESSION_A);
        Instant fired = clock.instant();
        boolean[] appended = {false};
        // Claude Code writes the last turn 200 ms after SessionEnd fired.
        Sleeper lateWriter = d -> {
            clock.advance(d);
            if (!appended[0] && !clock.instant().isBefore(fired.plusMillis(200))) {
                ClaudeTree.append(main, assistant(SESSION_A, "msg_last", 11));
                appended[0] = true;
            }
        };
        write(spool, payload("SessionEnd", SESSION_A, main.toString()));

        HookRunResult r = worker(lateWriter, SettleConfig.DEFAULT).run(WorkerEvent.SESSION_END, spool,
                Optional.empty());

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(ingestedMessageIds()).contains("msg_last");
        // settled 300 ms after the last change, not at the cap
        assertThat(Duration.between(fired, clock.instant())).isBetween(Duration.ofMillis(500),
                Duration.ofMillis(600));
    }

    @Test
    void sessionEndEndingInCostStateNeedsNoWait() {
        twoSessionsInOneProject();
        Path main = claude.mainTranscript(SESSION_A);
        ClaudeTree.append(main, costState(SESSION_A));
        int[] sleeps = {0};
        write(spool, payload("SessionEnd", SESSION_A, main.toString()));

        HookRunResult r = worker(d -> sleeps[0]++, SettleConfig.DEFAULT).run(WorkerEvent.SESSION_END, spool,
                Optional.empty());

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(sleeps[0]).isZero();
        assertThat(ledger.costStates()).containsKey(SESSION_A);
    }

    @Test
    void successfulSyncIsRecordedForDoctor() {
        twoSessionsInOneProject();

        runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        HookStatusStore.HookStatus s = status.status();
        assertThat(s.lastFired()).get().isEqualTo(new HookStatusStore.Fired(clock.instant(), "stop", SESSION_A));
        assertThat(s.lastSuccess()).get().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.event()).isEqualTo("stop");
            assertThat(o.sessionId()).isEqualTo(SESSION_A);
            assertThat(o.recordsAdded()).isEqualTo(4);
        });
        assertThat(s.lastError()).isEmpty();
    }

    @Test
    void failedSyncIsRecordedAndDoesNotThrow() {
        twoSessionsInOneProject();
        ledger.failCommitsWith(new UncheckedIOException(new IOException("database or disk is full")));

        HookRunResult r = runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        assertThat(r.status()).isEqualTo(HookRunResult.Status.FAILED);
        assertThat(status.status().lastError()).get().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.error()).isEqualTo("IOException: database or disk is full");
            assertThat(o.sessionId()).isEqualTo(SESSION_A);
        });
        assertThat(status.status().lastSuccess()).isEmpty();
    }

    @Test
    void brokenStatusStoreDoesNotStopTheSync() throws IOException {
        twoSessionsInOneProject();
        // a file where the state folder should be: every status write fails
        Files.createDirectories(tmp.resolve("home"));
        Files.writeString(tmp.resolve("home/state"), "not a folder");
        status = new FileHookStatusStore(tmp.resolve("home/state"));
        SyncService sync = new SyncService(ledger, new FileSyncLock(tmp.resolve("lock/sync.lock")),
                pricing(), System::nanoTime, 1);
        write(spool, payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));

        HookRunResult r = new HookWorker(sync, status, clock, () -> List.of(claude.root), SettleConfig.NONE,
                tmp.resolve("home/spool"))
                .run(WorkerEvent.STOP, spool, Optional.empty());

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(r.recordsAdded()).isEqualTo(4);
    }

    @Test
    void rootReachedThroughASymlinkStillSelectsTheSessionsFiles() throws IOException {
        twoSessionsInOneProject();
        Path link = Files.createSymbolicLink(tmp.resolve("claude-link"), claude.root.dir());
        ClaudeRoot linked = new ClaudeRoot(link);
        SyncService sync = new SyncService(ledger, new FileSyncLock(tmp.resolve("home/state/sync.lock")),
                pricing(), System::nanoTime, 1);
        String viaLink = linked.projects().resolve(claude.projectDir.getFileName() + "/" + SESSION_A + ".jsonl")
                .toString();
        write(spool, payload("Stop", SESSION_A, viaLink));

        HookRunResult r = new HookWorker(sync, status, clock, () -> List.of(linked), SettleConfig.NONE,
                tmp.resolve("home/spool"))
                .run(WorkerEvent.STOP, spool, Optional.empty());

        assertThat(r.status()).isEqualTo(HookRunResult.Status.SYNCED);
        assertThat(ingestedMessageIds()).containsExactly("msg_a1", "msg_a2", "msg_flat1", "msg_sub1");
    }

    @Test
    void logsNeverCarryPayloadContent() {
        twoSessionsInOneProject();
        Logger logger = (Logger) LoggerFactory.getLogger("dev.cctelemetry");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            runStop(payload("Stop", SESSION_A, claude.mainTranscript(SESSION_A).toString()));
            runStop(payload("Stop", "$(touch pwned)", "/etc/passwd"));
            runStop(payload("Stop", SESSION_A, "/etc/passwd"));
            runStop("{\"session_id\":\"" + SESSION_A + "\",\"last_assistant_message\":\"secret text\",");
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(before);
        }

        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("secret text") || m.contains("rm -rf") || m.contains("pwned")
                        || m.contains("/etc/passwd"));
    }
}
