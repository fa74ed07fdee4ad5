package dev.cctelemetry.poller;

import dev.cctelemetry.testing.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.testing.InMemoryLedger;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationPassTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";

    @TempDir
    Path tmp;
    private final FakeTime time = new FakeTime();
    private final InMemoryLedger ledger = new InMemoryLedger();

    private SyncService sync() {
        return new SyncService(ledger, new FileSyncLock(tmp.resolve("state/sync.lock")),
                new CostCalculator(new PriceTableLoader().builtin()), System::nanoTime, 2);
    }

    private static void session(Path root, String id, String msg) throws Exception {
        TranscriptBuilder.session(id)
                .assistant(msg, "req_" + msg, SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 0, 0, "end_turn")
                .writeTo(root.resolve("projects/-home-u-p/" + id + ".jsonl"));
    }

    @Test
    void aPassScansEveryRootItIsGivenAndASecondPassReadsNothing() throws Exception {
        Path envRoot = tmp.resolve("env-claude");
        Path hookRoot = tmp.resolve("other-claude");
        session(envRoot, S1, "msg_1");
        session(hookRoot, S2, "msg_2");
        List<List<ClaudeRoot>> asked = new java.util.ArrayList<>();
        ReconciliationPass pass = new ReconciliationPass(sync(), () -> {
            List<ClaudeRoot> roots = List.of(new ClaudeRoot(envRoot), new ClaudeRoot(hookRoot));
            asked.add(roots);
            return roots;
        }, AfterPass.NONE, time, time);

        PassOutcome first = pass.run();
        assertThat(first.roots()).isEqualTo(2);
        assertThat(first.ok()).isTrue();
        assertThat(first.summary().orElseThrow().newRecords()).isEqualTo(2);
        assertThat(first.summary().orElseThrow().sessionsTouched()).isEqualTo(2);
        assertThat(first.describe()).contains("2 files checked").contains("2 sessions reconciled")
                .contains("2 records added");

        PassOutcome second = pass.run();
        assertThat(second.summary().orElseThrow().bytesRead()).isZero();
        assertThat(second.summary().orElseThrow().filesScanned()).isEqualTo(2);
        assertThat(ledger.records()).hasSize(2);
        assertThat(asked).as("the roots are asked for again at every pass").hasSize(2);
    }

    @Test
    void aFailingLedgerOrAfterPassIsAFailedOutcomeNotACrash() throws Exception {
        Path envRoot = tmp.resolve("env-claude");
        session(envRoot, S1, "msg_1");
        ledger.failCommitsWith(new IllegalStateException("disk I/O error"));
        ReconciliationPass pass = new ReconciliationPass(sync(), () -> List.of(new ClaudeRoot(envRoot)),
                AfterPass.NONE, time, time);
        PassOutcome failed = pass.run();
        assertThat(failed.ok()).isFalse();
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("disk I/O error"));

        ReconciliationPass pushFails = new ReconciliationPass(sync(), () -> List.of(new ClaudeRoot(envRoot)), s -> {
                    throw new java.io.IOException("remote unreachable");
                }, time, time);
        ledger.failCommitsWith(null);
        PassOutcome afterFailed = pushFails.run();
        assertThat(afterFailed.ok()).isFalse();
        assertThat(afterFailed.error()).hasValue("after pass: remote unreachable");
        assertThat(afterFailed.summary()).isPresent();
    }
}
