package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aCopyIsStreamedInPathOrderAndServesWindowsFrontToBackOnlyWhole() throws Exception {
        Path file = dir.resolve("telemetry.db");
        List<FileCheckpoint> all = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(new FileCheckpoint(String.format("/p/%04d.jsonl", i), "k" + i, 100 + i, i, 100 + i, i));
        }
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            ledger.commit(new Ledger.IngestBatch(List.of(), all, List.of()));
            ledger.publishCheckpoints();
        }
        try (PublishedCheckpoints.Reader r = PublishedCheckpoints.open(file).orElseThrow()) {
            assertThat(r.between("/p/0000.jsonl", "/p/0009.jsonl")).hasSize(10).containsKeys("/p/0000.jsonl");
            // Paths no file has any more are passed over; the next window starts after the last one.
            assertThat(r.between("/p/1000.jsonl", "/p/1000.jsonl").values()).containsExactly(all.get(1000));
            assertThatThrownBy(() -> r.between("/p/0500.jsonl", "/p/0600.jsonl"))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(r.verify()).isTrue();
        }
        // A copy cut short, or with a byte changed, is never whole.
        Path copy = PublishedCheckpoints.fileFor(file);
        byte[] bytes = Files.readAllBytes(copy);
        Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        try (PublishedCheckpoints.Reader r = PublishedCheckpoints.open(file).orElseThrow()) {
            assertThatThrownBy(r::verify).isInstanceOf(java.io.IOException.class);
        }
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x01;
        Files.write(copy, flipped);
        assertThat(PublishedCheckpoints.read(file)).isEmpty();
    }
}
