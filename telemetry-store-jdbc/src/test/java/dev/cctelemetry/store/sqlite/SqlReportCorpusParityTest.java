package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.ReportJsonWriter;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.testing.RequiredInCi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report's JSON over the real transcript corpus is the same, to the byte, whether the ledger answers in SQL
 * or record by record (the reference): in a whole-hour zone, a 45-minute one and one with daylight saving.
 */
class SqlReportCorpusParityTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.cctelemetry.store.sqlite.CorpusParityTest#folders")
    void reportsInSqlEqualTheReference(String folder) throws Exception {
        Path root = CorpusParityTest.corpus().resolve(folder);
        RequiredInCi.assumeAvailable(Files.isDirectory(root), "corpus not found at " + CorpusParityTest.corpus());
        LedgerHarness h = new LedgerHarness(home);
        h.sync(root);
        Clock clock = Clock.fixed(Instant.parse("2025-10-01T12:00:00Z"), ZoneOffset.UTC);
        UsageQueries sql = SqliteUsageQueries.over(home.resolve("telemetry.db"), "m", "laptop");
        try (SqliteLedger ledger = h.open()) {
            ReportService reference = new ReportService(new RecordStreamQueries(ledger, "m", "laptop"), clock);
            ReportService inSql = new ReportService(sql, clock);
            ReportJsonWriter json = new ReportJsonWriter();
            for (String zone : List.of("UTC", "Asia/Kathmandu", "America/Los_Angeles")) {
                ReportOptions options = ReportOptions.all(ZoneId.of(zone));
                for (ReportKind kind : ReportKind.values()) {
                    String expected = json.toJson(reference.report(kind, options));
                    assertThat(json.toJson(inSql.report(kind, options))).as("%s %s %s", folder, kind, zone)
                            .isEqualTo(expected);
                }
            }
        }
    }
}
