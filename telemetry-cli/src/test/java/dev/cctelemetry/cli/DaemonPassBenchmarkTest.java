package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.poller.AfterPass;
import dev.cctelemetry.poller.PassOutcome;
import dev.cctelemetry.poller.ReconciliationPass;
import com.google.inject.Injector;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation cost: a daemon pass over a 10,000-file tree where nothing is new (a stat per file, no
 * bytes read), measured in-process (no JVM start), exactly as the daemon runs it: ledger opened per pass, the
 * sync lock taken, every root walked. Prints figures; asserts only behaviour (zero bytes re-read).
 * Run alone: {@code bench/daemon-pass.sh}.
 */
class DaemonPassBenchmarkTest {

    private static final int FILES = Integer.getInteger("cct.bench.files", 10_000);
    private static final int RUNS = 5;

    @TempDir
    Path tmp;

    @Test
    void aPassOverTenThousandUnchangedFilesReadsNoBytes() throws Exception {
        Path claude = tmp.resolve("claude");
        long t0 = System.nanoTime();
        for (int i = 0; i < FILES; i++) {
            String session = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, i);
            TranscriptBuilder.session(session)
                    .user("hi")
                    .assistant("msg_" + i, "req_" + i, "claude-sonnet-4-20250514", "2025-08-01T10:00:01.000Z",
                            10, 20, 0, 0, "end_turn")
                    .writeTo(claude.resolve("projects/-home-u-p" + (i % 50) + "/" + session + ".jsonl"));
        }
        double generated = (System.nanoTime() - t0) / 1e9;
        Path home = tmp.resolve("telemetry");
        TelemetryEnvironment env = new TelemetryEnvironment(Map.of("CC_TELEMETRY_HOME", home.toString()),
                tmp.resolve("user"), tmp);
        Injector services = TelemetryApp.injector(new dev.cctelemetry.app.ProcessContext(env, Clock.systemUTC(),
                Platform.LINUX, Main.class));
        SyncUseCase perPass = (request, progress) -> {
            try (Ledger ledger = services.getInstance(Ledgers.class).open()) {
                return services.getInstance(Syncs.class).over(ledger).sync(request, progress);
            }
        };
        ReconciliationPass pass = new ReconciliationPass(perPass, () -> List.of(new ClaudeRoot(claude)),
                AfterPass.NONE, Clock.systemUTC(), System::nanoTime);

        PassOutcome first = pass.run();
        SyncSummary ingest = first.summary().orElseThrow();
        assertThat(ingest.newRecords()).isEqualTo(FILES);

        List<Double> seconds = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            PassOutcome again = pass.run();
            SyncSummary s = again.summary().orElseThrow();
            assertThat(s.filesScanned()).isEqualTo(FILES);
            assertThat(s.bytesRead()).as("a pass never re-reads ingested bytes").isZero();
            assertThat(s.filesRead()).isZero();
            seconds.add(again.elapsed().toNanos() / 1e9);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "daemon pass benchmark: %d files (generated in %.1f s); first pass %.2f s"
                + " (%d records, %d bytes); nothing-new pass: median %.3f s, min %.3f s, max %.3f s over %d runs;"
                + " bytesRead 0%n", FILES, generated, first.elapsed().toNanos() / 1e9, ingest.newRecords(),
                ingest.bytesRead(), sorted.get(RUNS / 2), sorted.get(0), sorted.get(RUNS - 1), RUNS);
    }
}
