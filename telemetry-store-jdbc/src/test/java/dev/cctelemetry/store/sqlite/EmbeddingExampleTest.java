package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.Report;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.core.report.ReportTableRenderer;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, compiled and run: telemetry-core plus the SQLite adapter, no Guice. */
class EmbeddingExampleTest {

    @TempDir
    Path tmp;

    /** Exactly the code shown in the README. */
    static String ingestAndPrintTotals(Path claudeConfigDir, Path ledgerFile) throws Exception {
        var prices = new PriceTableLoader().builtin();
        try (var ledger = SqliteLedger.open(ledgerFile, prices.version())) {
            var sync = new SyncService(ledger, new FileSyncLock(ledgerFile.resolveSibling("sync.lock")),
                    new CostCalculator(prices), System::nanoTime, Runtime.getRuntime().availableProcessors());
            sync.sync(SyncRequest.all(List.of(new ClaudeRoot(claudeConfigDir))), SyncProgress.NONE);

            var reports = new ReportService(new RecordStreamQueries(ledger, "", ""), Clock.systemUTC());
            Report<?> daily = reports.daily(ReportOptions.all(ZoneOffset.UTC));
            System.out.printf("%d tokens, $%.4f%n", daily.totals().totalTokens(), daily.totals().cost());
            return new ReportTableRenderer().render(daily);
        }
    }

    @Test
    void readmeExampleIngestsAFolderAndPrintsTotals() throws Exception {
        Path claude = tmp.resolve("claude");
        TranscriptBuilder.session("11111111-1111-4111-8111-111111111111")
                .assistant("msg_A", "req_A", "claude-sonnet-4-20250514", "2025-08-01T10:00:01.000Z", 110, 550, 1000,
                        2000, "end_turn")
                .writeTo(claude.resolve("projects/-home-user-app/11111111-1111-4111-8111-111111111111.jsonl"));
        String table = ingestAndPrintTotals(claude, tmp.resolve("ledger/telemetry.db"));
        assertThat(table).contains("2025-08-01").contains("3,660").contains("$0.01");
    }
}
