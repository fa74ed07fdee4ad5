package dev.cctelemetry.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.sync.SyncSummary;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 19.5: the summary a sync prints says "1 line", not "1 lines", and a few bytes as bytes, not "0.0 KB". */
class SyncSummaryTextTest {

    @Test
    void oneOfEachIsSingularAndNineBytesAreNineBytes() {
        SyncSummary one = new SyncSummary(1, 1, 9, 1, 1, 1, 1, Duration.ofMillis(50));

        assertThat(SyncSummaryText.summaryLine(one)).isEqualTo(
                "Synced 1 file (1 read, 9 B) in 0.05 s: 1 new record, 1 updated, 1 session touched, 1 line skipped.");
        assertThat(SyncSummaryText.ledgerLine(Path.of("telemetry.db"), 1)).isEqualTo("Ledger: telemetry.db (1 record)");
        assertThat(SyncSummaryText.statusDetail(one)).isEqualTo("1 new record");
    }

    @Test
    void otherCountsArePluralAndLargerSizesKeepTheirUnits() {
        SyncSummary many = new SyncSummary(2_048, 0, 2_560, 0, 0, 12, 3, Duration.ofMillis(1_234));

        assertThat(SyncSummaryText.summaryLine(many)).isEqualTo("Synced 2,048 files (0 read, 2.5 KB) in 1.23 s:"
                + " 0 new records, 0 updated, 12 sessions touched, 3 lines skipped.");
        assertThat(SyncSummaryText.ledgerLine(Path.of("telemetry.db"), 0)).isEqualTo("Ledger: telemetry.db (0 records)");
        assertThat(ByteSize.kilobytesOrMegabytes(0)).isEqualTo("0 B");
        assertThat(ByteSize.kilobytesOrMegabytes(3L * 1024 * 1024)).isEqualTo("3.0 MB");
    }
}
