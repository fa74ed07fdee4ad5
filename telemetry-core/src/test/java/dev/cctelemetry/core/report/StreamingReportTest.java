package dev.cctelemetry.core.report;

import static dev.cctelemetry.core.report.RecordBuilder.aRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.usage.UsageRecord;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Reports over a record stream ({@link RecordStreamQueries}) are built in one pass and keep no records: the ledger outlives Claude Code's 30-day cleanup and only
 * grows, so a report must not need a heap the size of the user's whole history.
 */
class StreamingReportTest {

    private static final int RECORDS = 20_000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** Generates records oldest first and checks, near the end, that the first ones were let go. */
    private static final class ForgettingSource implements UsageRecordSource {
        final List<WeakReference<UsageRecord>> early = new ArrayList<>();
        boolean earlyCollected;

        @Override
        public void forEachRecord(dev.cctelemetry.core.port.out.Ledger.RecordFilter filter,
                java.util.function.Consumer<UsageRecord> action) {
            for (int i = 0; i < RECORDS; i++) {
                // Every 7 minutes, sessions of 100 records: rows of every kind of report keep filling up.
                UsageRecord r = aRecord().at(START.plus(Duration.ofMinutes(7L * i)).toString())
                        .session(String.format("%08d-0000-4000-8000-000000000000", i / 100))
                        .project("-p" + (i % 3), "/w" + (i % 3)).tokens(1, 2, 3, 4, 5).cost(0.001).build();
                if (i < 100) {
                    early.add(new WeakReference<>(r));
                }
                action.accept(r);
                if (i == RECORDS - 1) {
                    earlyCollected = collected();
                }
            }
        }

        private boolean collected() {
            for (int attempt = 0; attempt < 5; attempt++) {
                System.gc();
                if (early.stream().allMatch(w -> w.get() == null)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void assertStreams(Function<ReportService, Report<?>> report, long expectedRecords) {
        ForgettingSource source = new ForgettingSource();
        Report<?> r = report.apply(new ReportService(new RecordStreamQueries(source, ListRecordSource.MACHINE_ID, "m"), Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"),
                ZoneOffset.UTC)));
        assertThat(r.totals().requests()).isEqualTo(expectedRecords);
        assertThat(r.totals().totalTokens()).isEqualTo(expectedRecords * 15);
        assertThat(source.earlyCollected).as("records seen early are no longer held at the end").isTrue();
    }

    @Test
    void everyReportKindReadsTheHistoryWithoutKeepingIt() {
        ReportOptions all = ReportOptions.all(ZoneOffset.UTC);
        assertStreams(s -> s.daily(all), RECORDS);
        assertStreams(s -> s.weekly(all), RECORDS);
        assertStreams(s -> s.monthly(all), RECORDS);
        assertStreams(s -> s.sessions(all), RECORDS);
        assertStreams(s -> s.projects(all), RECORDS);
        assertStreams(s -> s.models(all), RECORDS);
        assertStreams(s -> s.blocks(all), RECORDS);
    }
}
