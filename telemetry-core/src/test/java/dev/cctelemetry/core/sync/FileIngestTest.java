package dev.cctelemetry.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptReader;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestTest {

    @TempDir
    Path tmp;

    @Test
    void aHugeFileIsReadInBoundedPartsThatCoverEveryLineOnce() throws Exception {
        Path root = tmp.resolve("claude");
        TranscriptBuilder b = TranscriptBuilder.session("s1");
        for (int i = 0; i < 400; i++) {
            b.user("some prompt text that is not usage " + i)
                    .assistant("msg_" + i, "req_" + i, "claude-sonnet-4-6", "2025-08-01T10:00:00.000Z", 1, i, 0, 0,
                            "end_turn");
        }
        Path file = b.writeTo(root.resolve("projects/-p/s1.jsonl"));
        TranscriptFile f = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(root))).files().get(0);
        FileIngest ingest = new FileIngest(new TranscriptReader(1024, TranscriptLineParser.CANDIDATE_NEEDLES),
                new TranscriptLineParser(), new CostCalculator(new PriceTableLoader().builtin()), 16 * 1024);
        List<UsageRecord> all = new ArrayList<>();
        long start = 0;
        int parts = 0;
        while (start >= 0) {
            FileIngest.Result r = ingest.read(f, start);
            parts++;
            all.addAll(r.records());
            assertThat(r.checkpoint().offset()).isEqualTo(r.continueAt() >= 0 ? r.continueAt() : Files.size(file));
            start = r.continueAt();
        }
        assertThat(parts).isGreaterThan(5);
        assertThat(all).hasSize(400);
        assertThat(all).extracting(r -> r.key().messageId()).doesNotHaveDuplicates();
    }
}
