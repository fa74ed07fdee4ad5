package dev.cctelemetry.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.InMemoryLedger;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Claude root full of hostile and broken transcripts next to good ones: the sync finishes, counts and skips
 * every bad usage line, and still counts every good line exactly.
 */
class HostileTranscriptTreeTest {

    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String S1 = "aaaaaaaa-0000-4000-8000-000000000001";

    @TempDir
    Path tmp;

    @Test
    void hostileFilesAreSkippedOrCountedAndGoodLinesStillCount() throws Exception {
        Path root = tmp.resolve("claude");
        Path project = Files.createDirectories(root.resolve("projects/-home-dev-hostile"));
        // The good lines, spread over a clean file and the hostile ones: 4 responses, 1,000 output tokens each.
        TranscriptBuilder good = TranscriptBuilder.session(S1);
        for (int i = 0; i < 4; i++) {
            good.assistant("msg_good_" + i, "req_" + i, SONNET, "2025-08-01T10:00:0" + i + ".000Z", 1, 1000, 0, 0,
                    "end_turn");
        }
        List<String> goodLines = good.text().lines().toList();
        good.writeTo(project.resolve(S1 + ".jsonl"));

        List<String> bad = new ArrayList<>();
        bad.add(assistant("msg_neg", "\"input_tokens\":-5,\"output_tokens\":1"));
        bad.add(assistant("msg_over", "\"input_tokens\":99999999999999999999999,\"output_tokens\":1"));
        bad.add(assistant("msg_wrap", "\"input_tokens\":9223372036854775807,\"output_tokens\":9223372036854775807"));
        bad.add(assistant("msg_frac", "\"input_tokens\":1.5,\"output_tokens\":1"));
        bad.add(assistant("msg_str", "\"input_tokens\":\"12\",\"output_tokens\":1"));
        bad.add("{\"type\":\"assistant\",\"message\":{\"model\":\"x\",\"usage\":{\"input_tokens\":1}},"
                + "\"timestamp\":\"2025-08-01T10:00:00Z\"}"); // no message.id
        bad.add("{\"type\":\"assistant\",\"message\":{\"id\":\"m_nots\",\"usage\":{\"input_tokens\":1}}}"); // no ts
        bad.add("{\"type\":\"assistant\",\"message\":{\"id\":\"m_badts\",\"usage\":{}},\"timestamp\":\"yesterday\"}");
        bad.add("{\"usage\":" + "[".repeat(5000) + "]".repeat(5000) + "}"); // deep nesting
        bad.add("{\"type\":\"assistant\",\"message\":{\"id\":\"m_trunc\",\"usage\":{\"input_tokens\":");
        int badCount = bad.size();
        // Duplicated keys: the last value wins (as in JavaScript), so this is a good line with 1,000 output.
        String dupKeys = goodLines.get(0).replace("\"output_tokens\":1000", "\"output_tokens\":7,\"output_tokens\":1000");

        try (OutputStream os = Files.newOutputStream(project.resolve("mixed.jsonl"))) {
            SplittableRandom rnd = new SplittableRandom(1);
            for (String line : bad) {
                os.write(line.getBytes(StandardCharsets.UTF_8));
                os.write('\n');
                byte[] noise = new byte[200 + rnd.nextInt(2000)];
                rnd.nextBytes(noise);
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = noise[i] == '\n' ? (byte) 0xFF : noise[i]; // random bytes, one line each
                }
                os.write(noise);
                os.write('\n');
            }
            // Invalid UTF-8 inside content must not cost the line.
            String withBadUtf8 = goodLines.get(1).replace("msg_good_1", "msg_utf8").replace("hello", "he\u0001llo");
            byte[] b = withBadUtf8.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 1) {
                    b[i] = (byte) 0xC3; // a lone lead byte
                }
            }
            os.write(b);
            os.write('\n');
            os.write(dupKeys.getBytes(StandardCharsets.UTF_8));
            os.write('\n');
        }
        // A 50 MB single line (above the 32 MB line cap), then a good line after it.
        Path huge = project.resolve("huge-line.jsonl");
        try (OutputStream os = Files.newOutputStream(huge)) {
            os.write("{\"type\":\"user\",\"usage\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                os.write(chunk);
            }
            os.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            os.write((goodLines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // A directory named like a transcript, a symlink loop, a self-referencing link, a dangling link.
        Files.createDirectories(project.resolve("folder.jsonl"));
        Files.createSymbolicLink(project.resolve("loop"), project);
        Files.createSymbolicLink(project.resolve("self.jsonl"), project.resolve("self.jsonl"));
        Files.createSymbolicLink(project.resolve("dangling.jsonl"), tmp.resolve("nowhere.jsonl"));
        // A file that is replaced by a directory between syncs.
        Path replaced = good.writeTo(project.resolve("replaced.jsonl"));

        InMemoryLedger ledger = new InMemoryLedger();
        SyncSummary first = sync(ledger, root);
        // Every line is parsed (non-billing ones only up to their top-level type), so each random-byte line between
        // the bad usage lines is counted as well.
        assertThat(first.skippedLines()).as("bad usage lines, the random-byte lines between them, the oversized line")
                .isEqualTo(2L * badCount + 1L);
        Files.delete(replaced);
        Files.createDirectories(replaced);
        SyncSummary second = sync(ledger, root);
        assertThat(second.skippedLines()).isZero();

        List<UsageRecord> records = new ArrayList<>();
        ledger.forEachRecord(Ledger.RecordFilter.ALL, records::add);
        assertThat(records).extracting(r -> r.key().messageId())
                .containsExactlyInAnyOrder("msg_good_0", "msg_good_1", "msg_good_2", "msg_good_3", "msg_utf8");
        assertThat(records).allSatisfy(r -> assertThat(r.tokens().output()).isEqualTo(1000));
    }

    private static SyncSummary sync(InMemoryLedger ledger, Path root) throws IOException, InterruptedException {
        SyncService service = new SyncService(ledger, new FileSyncLock(root.resolveSibling("state/sync.lock")),
                new CostCalculator(new PriceTableLoader().builtin()), System::nanoTime, 2);
        return service.sync(new SyncRequest(List.of(new ClaudeRoot(root)), false, f -> true), SyncProgress.NONE);
    }

    private static String assistant(String id, String usage) {
        return "{\"type\":\"assistant\",\"sessionId\":\"" + S1 + "\",\"timestamp\":\"2025-08-01T10:00:00.000Z\","
                + "\"message\":{\"id\":\"" + id + "\",\"model\":\"" + SONNET + "\",\"usage\":{" + usage + "}}}";
    }
}
