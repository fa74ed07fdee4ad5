package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLedgerTest {

    private static UsageRecord record(String id, long output, boolean sidechain, String file) {
        return new UsageRecord(new UsageKey(id, "req"), "s", "p", "", Instant.parse("2026-01-01T00:00:00Z"),
                "claude-sonnet-4-5", new TokenCounts(10, output, 0, 0, 0), "", "", "", sidechain, "", true,
                "root", file, 0, 0, CostSource.UNPRICED);
    }

    private static Ledger.IngestBatch batch(UsageRecord... records) {
        return new Ledger.IngestBatch(List.of(records), List.of(), List.of());
    }

    @Test
    void moreCompleteCopyReplacesTheStoredOne() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.commit(batch(record("m", 1, false, "a")));

        Ledger.CommitOutcome o = ledger.commit(batch(record("m", 50, false, "b")));

        assertThat(o.replaced()).isEqualTo(1);
        assertThat(ledger.records()).singleElement().satisfies(r -> assertThat(r.tokens().output()).isEqualTo(50));
    }

    @Test
    void lessPreferredCopyLeavesTheStoredOne() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.commit(batch(record("m", 50, false, "a")));

        Ledger.CommitOutcome o = ledger.commit(batch(record("m", 50, true, "b"), record("n", 1, false, "b")));

        assertThat(o).isEqualTo(new Ledger.CommitOutcome(1, 0, 1));
        assertThat(ledger.records()).extracting(UsageRecord::sourceFile).containsExactly("a", "b");
        assertThat(ledger.stats().records()).isEqualTo(2);
    }

    @Test
    void failingCommitStoresNothing() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.failCommitsWith(new UncheckedIOException(new IOException("disk full")));

        assertThatThrownBy(() -> ledger.commit(batch(record("m", 1, false, "a"))))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(ledger.records()).isEmpty();
        assertThat(ledger.commits()).isZero();
    }
}
