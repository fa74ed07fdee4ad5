package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptTreeGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many {@code sync} processes started at once on one telemetry home, as hooks of parallel sessions would. */
class ConcurrentSyncIT {

    private static final int PROCESSES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twentySyncsAtOnceAllSucceedIngestOnceAndLeaveTheLedgerOfOneSync() throws Exception {
        Path claude = tmp.resolve("claude");
        new TranscriptTreeGenerator(claude, 6L << 20, 21).generate();
        DenseTranscripts.write(claude, 4, 1500, 22);
        JarProcess reference = new JarProcess(tmp.resolve("reference"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        assertThat(reference.run("sync").exitCode()).isZero();
        LedgerSnapshot expected = LedgerSnapshot.of(reference.telemetryHome().resolve("telemetry.db"));

        JarProcess cli = new JarProcess(tmp.resolve("crowd"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        Path outputs = Files.createDirectories(tmp.resolve("outputs"));
        List<Process> started = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < PROCESSES; i++) {
            started.add(cli.start(List.of(), outputs.resolve(i + ".out"), outputs.resolve(i + ".err"), "sync",
                    "--json"));
        }
        long ingesting = 0;
        long inserted = 0;
        for (int i = 0; i < PROCESSES; i++) {
            Process p = started.get(i);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("sync %d finished", i).isTrue();
            String out = Files.readString(outputs.resolve(i + ".out"));
            String err = Files.readString(outputs.resolve(i + ".err"));
            assertThat(p.exitValue()).as("sync %d: %s", i, err).isZero();
            assertThat(out + err).as("sync %d", i).doesNotContainIgnoringCase("locked").doesNotContain("busy");
            JsonNode summary = JSON.readTree(out);
            // Issue 19.12: on a fresh home nothing was lost, whichever sync created the ledger first.
            assertThat(summary.get("recreatedStateFolder").asBoolean()).as("sync %d: %s", i, out).isFalse();
            if (summary.get("bytesRead").asLong() > 0) {
                ingesting++;
            }
            inserted += summary.get("newRecords").asLong();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "ConcurrentSyncIT: %d syncs at once finished in %d ms; %d of them read transcript bytes%n",
                PROCESSES, millis, ingesting);

        // The file lock lets one ingest read the tree; the others find every checkpoint current.
        assertThat(ingesting).isEqualTo(1);
        assertThat(inserted).isEqualTo(expected.rows("usage_events"));
        LedgerSnapshot after = LedgerSnapshot.of(cli.telemetryHome().resolve("telemetry.db"));
        assertThat(after.integrity()).isEqualTo("ok");
        assertThat(after.tables()).isEqualTo(expected.tables());
        JsonNode config = JSON.readTree(cli.telemetryHome().resolve("config.json").toFile());
        assertThat(config.get("machine_id").asText()).matches("[0-9a-f-]{36}");
    }
}
