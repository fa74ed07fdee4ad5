package dev.cctelemetry.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.testing.InMemoryLedger;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync of named files (the hook worker's) reads exactly those, and leaves checkpoints a full sync agrees with. */
class NamedFilesSyncTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String S2 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";

    @TempDir
    Path tmp;

    private final InMemoryLedger ledger = new InMemoryLedger();

    private SyncService sync() {
        return new SyncService(ledger, new FileSyncLock(tmp.resolve("state/sync.lock")),
                new CostCalculator(new PriceTableLoader().builtin()), System::nanoTime, 2);
    }

    private Path session(ClaudeRoot root, String project, String id, String msg) throws Exception {
        return TranscriptBuilder.session(id)
                .assistant(msg, "req_" + msg, SONNET, "2025-08-01T10:00:01.000Z", 100, 50, 0, 0, "end_turn")
                .writeTo(root.projects().resolve(project).resolve(id + ".jsonl"));
    }

    @Test
    void readsOnlyTheNamedFilesAndAFullSyncAfterwardsReadsOnlyTheRest() throws Exception {
        ClaudeRoot root = new ClaudeRoot(tmp.resolve("claude"));
        Path mine = session(root, "-home-u-a", S1, "msg_1");
        Path subagent = TranscriptBuilder.session(S1)
                .assistant("msg_sub", "req_sub", SONNET, "2025-08-01T10:00:02.000Z", 10, 5, 0, 0, "end_turn")
                .writeTo(root.projects().resolve("-home-u-a").resolve(S1).resolve("subagents/agent-1.jsonl"));
        Path other = session(root, "-home-u-b", S2, "msg_2");

        SyncSummary named = sync().sync(SyncRequest.files(List.of(root), List.of(mine, subagent)), SyncProgress.NONE);

        assertThat(named.filesScanned()).isEqualTo(2);
        assertThat(named.newRecords()).isEqualTo(2);
        assertThat(ledger.records()).allSatisfy(r -> assertThat(r.sessionId()).isEqualTo(S1));
        assertThat(ledger.checkpoints()).containsOnlyKeys(mine.toString(), subagent.toString());

        SyncSummary full = sync().sync(SyncRequest.all(List.of(root)), SyncProgress.NONE);

        assertThat(full.filesScanned()).isEqualTo(3);
        assertThat(full.filesRead()).as("the named files' checkpoints are the ones a walk finds").isEqualTo(1);
        assertThat(full.bytesRead()).isEqualTo(Files.size(other));
        assertThat(full.newRecords()).isEqualTo(1);
    }

    @Test
    void aNamedFileThatIsGoneOrUnderNoRootIsLeftOut() throws Exception {
        ClaudeRoot root = new ClaudeRoot(tmp.resolve("claude"));
        Path mine = session(root, "-home-u-a", S1, "msg_1");
        Path outside = TranscriptBuilder.session(S2)
                .assistant("msg_x", "req_x", SONNET, "2025-08-01T10:00:01.000Z", 1, 1, 0, 0, "end_turn")
                .writeTo(tmp.resolve("elsewhere/" + S2 + ".jsonl"));

        SyncSummary s = sync().sync(SyncRequest.files(List.of(root),
                List.of(mine, outside, root.projects().resolve("-home-u-a/gone.jsonl"))), SyncProgress.NONE);

        assertThat(s.filesScanned()).isEqualTo(1);
        assertThat(ledger.records()).hasSize(1);
    }
}
