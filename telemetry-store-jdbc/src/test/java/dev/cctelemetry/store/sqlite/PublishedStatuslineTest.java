package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.statusline.LocalZone;
import dev.cctelemetry.core.statusline.StatuslineSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedStatuslineTest {

    private static final StatuslineSnapshot SNAPSHOT = new StatuslineSnapshot(Instant.parse("2026-12-07T10:00:00Z"),
            LocalZone.of("UTC"), new StatuslineSnapshot.DayRange(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 7),
                    Map.of(LocalDate.of(2026, 12, 7), 9L)), Optional.of(LocalDate.of(2026, 12, 7)), Optional.empty(),
            Instant.parse("2026-11-01T00:00:00Z"), Map.of("s", 9L));

    @TempDir
    Path dir;

    @Test
    void aPublishedSnapshotReadsBackUntilTheNextCommit() throws IOException {
        Path file = dir.resolve("telemetry.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            PublishedStatusline.write(file, SNAPSHOT);
            assertThat(PublishedStatusline.read(file)).contains(SNAPSHOT);

            ledger.commit(new Ledger.IngestBatch(List.of(), List.of(), List.of()));

            assertThat(PublishedStatusline.read(file)).isEmpty();
            assertThat(PublishedStatusline.fileFor(file)).doesNotExist();
        }
    }

    @Test
    void aSnapshotOfAnotherLedgerFileOrATornOneReadsAsAbsent() throws IOException {
        Path file = dir.resolve("telemetry.db");
        SqliteLedger.open(file, "v").close();
        PublishedStatusline.write(file, SNAPSHOT);
        byte[] published = Files.readAllBytes(PublishedStatusline.fileFor(file));

        Files.write(PublishedStatusline.fileFor(file), Arrays.copyOf(published, published.length - 1));
        assertThat(PublishedStatusline.read(file)).isEmpty();

        Files.write(PublishedStatusline.fileFor(file), published);
        Path restored = dir.resolve("restored.db");
        Files.copy(file, restored);
        Files.move(restored, file, StandardCopyOption.REPLACE_EXISTING); // same name, another file
        assertThat(PublishedStatusline.read(file)).isEmpty();
    }
}
