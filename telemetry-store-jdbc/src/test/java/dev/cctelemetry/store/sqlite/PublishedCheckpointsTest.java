package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedCheckpointsTest {

    @TempDir
    Path dir;

    private static Ledger.IngestBatch batch(int from, int to, FileCheckpoint... checkpoints) {
        return new Ledger.IngestBatch(LedgerOutboxTest.range(from, to, 10), List.of(checkpoints), List.of());
    }

    @Test
    void aPublishedCopyIsTheLedgersCheckpointsAndCountUntilTheNextCommit() {
        Path file = dir.resolve("telemetry.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            ledger.commit(batch(0, 5, new FileCheckpoint("/a.jsonl", "k1", 100, 1, 100, 7),
                    new FileCheckpoint("/b.jsonl", "k2", 50, 2, 40, 8)));
            assertThat(PublishedCheckpoints.read(file)).isEmpty();
            ledger.publishCheckpoints();
            PublishedCheckpoints published = PublishedCheckpoints.read(file).orElseThrow();
            assertThat(published.checkpoints()).isEqualTo(ledger.checkpoints());
            assertThat(published.recordCount()).isEqualTo(ledger.recordCount()).isEqualTo(5);

            ledger.commit(batch(5, 6, new FileCheckpoint("/a.jsonl", "k1", 120, 3, 120, 7)));
            assertThat(PublishedCheckpoints.read(file)).as("a commit removes the copy first").isEmpty();
            ledger.publishCheckpoints();
            assertThat(PublishedCheckpoints.read(file).orElseThrow().recordCount()).isEqualTo(6);
        }
        // Another process's instance that commits nothing keeps the copy; one that commits removes it.
        try (SqliteLedger other = SqliteLedger.open(file, "v")) {
            other.publishCheckpoints();
            assertThat(PublishedCheckpoints.read(file)).isPresent();
            other.commit(batch(6, 7));
            assertThat(PublishedCheckpoints.read(file)).isEmpty();
        }
    }

    @Test
    void aCopyForAnotherLedgerFileIsVoid() throws Exception {
        Path file = dir.resolve("telemetry.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            ledger.commit(batch(0, 3, new FileCheckpoint("/a.jsonl", "k1", 100, 1, 100, 7)));
            ledger.publishCheckpoints();
        }
        assertThat(PublishedCheckpoints.read(file)).isPresent();
        Path aside = dir.resolve("aside.db");
        Files.move(file, aside);
        Files.copy(aside, file); // same bytes, another file: a restored backup, say
        assertThat(PublishedCheckpoints.read(file)).isEmpty();
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            ledger.publishCheckpoints(); // nothing committed, but the copy there is not this file's
        }
        assertThat(PublishedCheckpoints.read(file)).isPresent();
    }
}
