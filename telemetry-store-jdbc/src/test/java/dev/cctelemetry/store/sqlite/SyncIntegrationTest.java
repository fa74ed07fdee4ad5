package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest on real files and a real SQLite ledger. */
class SyncIntegrationTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";

    @TempDir
    Path tmp;
    Path root;
    Path project;
    LedgerHarness h;

    @BeforeEach
    void setUp() {
        root = tmp.resolve("claude");
        project = root.resolve("projects/-home-user-app");
        h = new LedgerHarness(tmp.resolve("home"));
    }

    private Map<String, UsageRecord> byMessage() {
        return h.records().stream().collect(Collectors.toMap(r -> r.key().messageId(), Function.identity()));
    }

    @Test
    void streamingDuplicatesCountOnceWithTheFinalOutput() throws Exception {
        TranscriptBuilder.session(S1)
                .user("hi")
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 1000, 2000, "end_turn")
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 1000, 2000, "end_turn")
                .assistant("msg_B", "req_B", SONNET, "2025-08-01T10:00:05.000Z", 10, 5, 0, 0, null)
                .assistant("msg_B", "req_B", SONNET, "2025-08-01T10:00:06.000Z", 10, 500, 0, 0, "end_turn")
                .raw("{not json")
                .raw("{\"type\":\"summary\",\"summary\":\"x\"}")
                .writeTo(project.resolve(S1 + ".jsonl"));
        SyncSummary s = h.sync(root);
        assertThat(s.newRecords()).isEqualTo(2);
        Map<String, UsageRecord> r = byMessage();
        assertThat(r.get("msg_B").tokens().output()).isEqualTo(500);
        long in = r.values().stream().mapToLong(x -> x.tokens().input()).sum();
        long out = r.values().stream().mapToLong(x -> x.tokens().output()).sum();
        double cost = r.values().stream().mapToDouble(UsageRecord::costUsd).sum();
        // The sample of USAGE-ACCOUNTING.md section 8, which ccusage 20.0.24 reports as in 110 / out 550 / $0.01293.
        assertThat(in).isEqualTo(110);
        assertThat(out).isEqualTo(550);
        assertThat(cost).isCloseTo(0.01293, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void fullerCopyArrivingInALaterSyncReplacesThePlaceholderWhole() throws Exception {
        Path f = project.resolve(S1 + ".jsonl");
        TranscriptBuilder.session(S1)
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 3, 8, 58, 19346, null)
                .writeTo(f);
        h.sync(root);
        assertThat(byMessage().get("msg_A").tokens().output()).isEqualTo(8);
        TranscriptBuilder.session(S1)
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:03.000Z", 3, 291, 58, 19346, "end_turn")
                .appendTo(f);
        SyncSummary s = h.sync(root);
        assertThat(s.updatedRecords()).isEqualTo(1);
        UsageRecord a = byMessage().get("msg_A");
        assertThat(a.tokens().output()).isEqualTo(291);
        assertThat(a.stopReasonSet()).isTrue();
        assertThat(a.timestamp().toString()).isEqualTo("2025-08-01T10:00:03Z");
    }

    @Test
    void missingRequestIdDedupesOnMessageIdAlone() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_vrtx_1", null, "claude-opus-4-7", "2025-08-01T10:00:01.000Z", 6, 1, 0, 0, null)
                .assistant("msg_vrtx_1", null, "claude-opus-4-7", "2025-08-01T10:00:02.000Z", 6, 40, 0, 0, "end_turn")
                .writeTo(project.resolve(S1 + ".jsonl"));
        h.sync(root);
        assertThat(h.records()).singleElement().satisfies(r -> {
            assertThat(r.key().requestId()).isEmpty();
            assertThat(r.tokens().output()).isEqualTo(40);
        });
    }

    @Test
    void asideReplayInASidechainFileStaysWithTheMainCopyAcrossFiles() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 3, 100, 0, 10, "end_turn")
                .writeTo(project.resolve(S1 + ".jsonl"));
        TranscriptBuilder.session(S1).sidechain("aside_question-1")
                .assistant("msg_A", "req_A", SONNET, "2025-08-01T10:00:01.000Z", 3, 100, 0, 10, "end_turn")
                .assistant("msg_Q", "req_Q", SONNET, "2025-08-01T10:05:00.000Z", 1, 7, 0, 0, "end_turn")
                .writeTo(project.resolve(S1 + "/subagents/agent-aside_question-1.jsonl"));
        h.sync(root);
        Map<String, UsageRecord> r = byMessage();
        assertThat(r).hasSize(2);
        assertThat(r.get("msg_A").sidechain()).isFalse();
        assertThat(r.get("msg_Q").sessionId()).isEqualTo(S1);
    }

    @Test
    void everySubagentLayoutRollsIntoItsParentSession() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_main", "r1", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(project.resolve(S1 + ".jsonl"));
        TranscriptBuilder.session(S1).sidechain("a0763d1")
                .assistant("msg_flat", "r2", "claude-haiku-4-5-20251001", "2025-08-01T10:00:02.000Z", 1, 1, 0, 0,
                        "end_turn")
                .writeTo(project.resolve("agent-a0763d1.jsonl"));
        TranscriptBuilder.session(S1).sidechain("a7")
                .assistant("msg_nested", "r3", "claude-haiku-4-5-20251001", "2025-08-01T10:00:03.000Z", 1, 1, 0, 0,
                        "end_turn")
                .writeTo(project.resolve(S1 + "/subagents/agent-a7.jsonl"));
        TranscriptBuilder.session(S2)
                .assistant("msg_other", "r4", SONNET, "2025-08-01T10:00:04.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(project.resolve(S2 + ".jsonl"));
        h.sync(root);
        Map<String, UsageRecord> r = byMessage();
        assertThat(r.get("msg_flat").sessionId()).isEqualTo(S1);
        assertThat(r.get("msg_nested").sessionId()).isEqualTo(S1);
        assertThat(r.get("msg_nested").agentId()).isEqualTo("a7");
        assertThat(r.get("msg_other").sessionId()).isEqualTo(S2);
    }

    @Test
    void syntheticEntriesAreKeptAtZeroAndUnknownModelsAreUnpriced() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("5f0e-uuid", null, "<synthetic>", "2025-08-01T10:00:01.000Z", 0, 0, 0, 0, "stop_sequence")
                .assistant("chatcmpl-1", null, "unsloth/Qwen3-Coder-Next", "2025-08-01T10:00:02.000Z", 500, 20, 0, 0,
                        "end_turn")
                .writeTo(project.resolve(S1 + ".jsonl"));
        h.sync(root);
        Map<String, UsageRecord> r = byMessage();
        assertThat(r.get("5f0e-uuid").tokens()).isEqualTo(TokenCounts.ZERO);
        assertThat(r.get("chatcmpl-1").costSource()).isEqualTo(CostSource.UNPRICED);
        assertThat(r.get("chatcmpl-1").costUsd()).isZero();
    }

    @Test
    void costStateLinePricesModelsTheTableDoesNotKnowByTokenShare() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "r1", "claude-opus-5-5", "2025-08-01T10:00:01.000Z", 100, 0, 0, 0, "end_turn")
                .assistant("msg_2", "r2", "claude-opus-5-5", "2025-08-01T10:00:02.000Z", 300, 0, 0, 0, "end_turn")
                .assistant("msg_3", "r3", SONNET, "2025-08-01T10:00:03.000Z", 1000, 0, 0, 0, "end_turn")
                .raw("{\"type\":\"cost-state\",\"sessionId\":\"" + S1 + "\",\"totalCostUSD\":9,\"modelUsage\":{"
                        + "\"claude-opus-5-5\":{\"inputTokens\":400,\"outputTokens\":0,\"costUSD\":0.8},"
                        + "\"" + SONNET + "\":{\"inputTokens\":1000,\"outputTokens\":0,\"costUSD\":5}}}")
                .writeTo(project.resolve(S1 + ".jsonl"));
        h.sync(root);
        Map<String, UsageRecord> r = byMessage();
        assertThat(r.get("msg_1").costUsd()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.get("msg_2").costUsd()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.get("msg_1").costSource()).isEqualTo(CostSource.COST_STATE);
        // A priced model keeps the price table's cost: tokens are the truth.
        assertThat(r.get("msg_3").costSource()).isEqualTo(CostSource.PRICE_TABLE);
        assertThat(r.get("msg_3").costUsd()).isCloseTo(0.003, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void secondSyncReadsOnlyAppendedBytesAndLeavesAPartialLineForLater() throws Exception {
        Path f = project.resolve(S1 + ".jsonl");
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "r1", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(f);
        h.sync(root);
        String line2 = TranscriptBuilder.session(S1)
                .assistant("msg_2", "r2", SONNET, "2025-08-01T10:00:02.000Z", 1, 2, 0, 0, "end_turn").text();
        int cut = line2.length() / 2;
        Files.writeString(f, line2.substring(0, cut), StandardOpenOption.APPEND);
        SyncSummary partial = h.sync(root);
        assertThat(partial.newRecords()).isZero();
        assertThat(partial.bytesRead()).isEqualTo(cut);
        Files.writeString(f, line2.substring(cut), StandardOpenOption.APPEND);
        SyncSummary rest = h.sync(root);
        assertThat(rest.newRecords()).isEqualTo(1);
        assertThat(rest.bytesRead()).isEqualTo(line2.getBytes(StandardCharsets.UTF_8).length);
        SyncSummary idle = h.sync(root);
        assertThat(idle.bytesRead()).isZero();
        assertThat(idle.filesRead()).isZero();
    }

    @Test
    void anUnfinishedLastLineOfAnyLengthIsReadOnceUntilTheFileChanges() throws Exception {
        // Issue 18.12: a last line without a newline was read in full by every sync (a 1 GiB sparse file, 1 s each
        // time). Here 48 MiB of zeros and no newline: longer than the line cap, so it is skipped as it is read.
        Path f = project.resolve(S1 + ".jsonl");
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "r1", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(f);
        long head = Files.size(f);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(head + (48L << 20)); // sparse: costs no disk
        }
        SyncSummary first = h.sync(root);
        assertThat(first.newRecords()).isEqualTo(1);
        assertThat(first.bytesRead()).isEqualTo(head + (48L << 20));
        SyncSummary again = h.sync(root);
        assertThat(again.bytesRead()).as("the unfinished line is not read again").isZero();
        assertThat(again.filesRead()).isZero();

        String line2 = TranscriptBuilder.session(S1)
                .assistant("msg_2", "r2", SONNET, "2025-08-01T10:00:02.000Z", 1, 2, 0, 0, "end_turn").text();
        Files.writeString(f, "\n" + line2, StandardOpenOption.APPEND);
        SyncSummary grown = h.sync(root);
        assertThat(grown.skippedLines()).as("the finished line is over the cap").isEqualTo(1);
        assertThat(grown.newRecords()).isEqualTo(1);
        assertThat(byMessage()).containsOnlyKeys("msg_1", "msg_2");
        assertThat(h.sync(root).bytesRead()).isZero();
    }

    @Test
    void aSyncWalkingAFewFilesAtATimeGivesTheLedgerOfOneWindow() throws Exception {
        // Issue 18.3: a history is walked and looked up a window of files at a time. Duplicates across files and
        // windows (a resumed session copies earlier turns, subagent files share the parent's session) meet in the
        // ledger's upsert, so windows of three files give the same ledger as one window.
        for (int p = 0; p < 4; p++) {
            Path dir = root.resolve("projects/-home-user-p" + p);
            for (int s = 0; s < 5; s++) {
                String sid = String.format("%08d-1111-4111-8111-%012d", p, s);
                TranscriptBuilder b = TranscriptBuilder.session(sid);
                for (int t = 0; t < 4; t++) {
                    b.assistant("msg_" + p + "_" + s + "_" + t, "r", SONNET, "2025-08-01T10:00:01.000Z", 1, t, 0, 0,
                            null);
                    b.assistant("msg_" + p + "_" + s + "_" + t, "r", SONNET, "2025-08-01T10:00:01.000Z", 1, t + 5, 0,
                            0, "end_turn");
                }
                b.writeTo(dir.resolve(sid + ".jsonl"));
                // A resumed copy of the previous session's last turn, and a subagent file.
                TranscriptBuilder.session(sid)
                        .assistant("msg_" + p + "_" + Math.max(0, s - 1) + "_3", "r", SONNET,
                                "2025-08-01T10:00:01.000Z", 1, 8, 0, 0, "end_turn")
                        .writeTo(dir.resolve(sid + "/subagents/agent-" + s + ".jsonl"));
            }
        }
        LedgerHarness windows = new LedgerHarness(tmp.resolve("windows"));
        SyncSummary small = windows.sync(root, 7, 3);
        SyncSummary whole = h.sync(root);
        assertThat(small.filesScanned()).isEqualTo(whole.filesScanned()).isEqualTo(40);
        assertThat(small.newRecords()).isEqualTo(whole.newRecords()).isEqualTo(80);
        assertThat(small.sessionsTouched()).isEqualTo(whole.sessionsTouched()).isEqualTo(20);
        assertThat(windows.records()).isEqualTo(h.records());
        assertThat(windows.sync(root, 7, 3).bytesRead()).isZero();
        try (SqliteLedger a = windows.open(); SqliteLedger b = h.open()) {
            assertThat(a.checkpoints()).hasSize(40);
            assertThat(a.checkpoints().values()).extracting(cp -> cp.offset())
                    .containsExactlyInAnyOrderElementsOf(b.checkpoints().values().stream().map(cp -> cp.offset())
                            .toList());
        }
    }

    @Test
    void truncatedOrReplacedFileIsReadAgainWithoutDoubleCounting() throws Exception {
        Path f = project.resolve(S1 + ".jsonl");
        TranscriptBuilder b = TranscriptBuilder.session(S1)
                .assistant("msg_1", "r1", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, "end_turn")
                .assistant("msg_2", "r2", SONNET, "2025-08-01T10:00:02.000Z", 1, 1, 0, 0, "end_turn");
        b.writeTo(f);
        h.sync(root);
        // Replaced by a shorter file with a new record (as a rewrite or restore would do).
        TranscriptBuilder.session(S1)
                .assistant("msg_3", "r3", SONNET, "2025-08-01T10:00:03.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(f);
        SyncSummary s = h.sync(root);
        assertThat(s.newRecords()).isEqualTo(1);
        assertThat(h.records()).hasSize(3);
        // Rewritten in place with the same size: detected by the head checksum.
        String same = Files.readString(f).replace("msg_3", "msg_4");
        Files.writeString(f, same);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
        h.sync(root);
        assertThat(h.records()).extracting(r -> r.key().messageId())
                .containsExactlyInAnyOrder("msg_1", "msg_2", "msg_3", "msg_4");
    }

    @Test
    void malformedLinesAreCountedAndSkipped() throws Exception {
        TranscriptBuilder.session(S1)
                .raw("{\"type\":\"assistant\",\"message\":{\"id\":\"x\",\"usage\":{\"input_tokens\":-1}}}")
                .raw("\u0000\u0001 binary \"usage\" junk")
                .assistant("msg_ok", "r", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(project.resolve(S1 + ".jsonl"));
        SyncSummary s = h.sync(root);
        assertThat(s.skippedLines()).isEqualTo(2);
        assertThat(s.newRecords()).isEqualTo(1);
    }

    @Test
    void forcedResyncAndRepeatedSyncsGiveTheSameLedger() throws Exception {
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "r1", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, null)
                .assistant("msg_1", "r1", SONNET, "2025-08-01T10:00:01.000Z", 1, 9, 0, 0, "end_turn")
                .writeTo(project.resolve(S1 + ".jsonl"));
        h.sync(root);
        List<UsageRecord> first = h.records();
        SyncSummary forced = h.sync(List.of(new dev.cctelemetry.core.transcript.ClaudeRoot(root)), true);
        assertThat(forced.newRecords()).isZero();
        assertThat(forced.updatedRecords()).isZero();
        assertThat(h.records()).isEqualTo(first);
    }

    @Test
    void concurrentSyncsWaitForEachOtherAndCountOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            String sid = String.format("%08d-1111-4111-8111-111111111111", i);
            TranscriptBuilder b = TranscriptBuilder.session(sid);
            for (int j = 0; j < 50; j++) {
                b.assistant("msg_" + i + "_" + j, "r", SONNET, "2025-08-01T10:00:01.000Z", 1, j, 0, 0, null);
                b.assistant("msg_" + i + "_" + j, "r", SONNET, "2025-08-01T10:00:01.000Z", 1, j + 1, 0, 0, "end");
            }
            b.writeTo(project.resolve(sid + ".jsonl"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SyncSummary>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> h.sync(root)));
            }
            long inserted = 0;
            for (Future<SyncSummary> f : runs) {
                inserted += f.get().newRecords();
            }
            assertThat(inserted).isEqualTo(1500);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.records()).hasSize(1500).allSatisfy(r -> assertThat(r.stopReasonSet()).isTrue());
    }
}
