package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.usage.UsageRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unique index on key slots: keys that share a hash cost a probe, never a record or a wrong merge. */
class KeySlotsTest {

    @TempDir
    Path dir;

    private static List<UsageRecord> all(Ledger ledger) {
        List<UsageRecord> out = new ArrayList<>();
        ledger.forEachRecord(Ledger.RecordFilter.ALL, out::add);
        return out;
    }

    /** The same random commits into a ledger with real slots and one where keys share three slots. */
    @Test
    void sharedSlotsGiveTheLedgerThatDistinctSlotsGive() {
        Random random = new Random(11);
        List<List<UsageRecord>> batches = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            List<UsageRecord> batch = new ArrayList<>();
            for (int n : random.ints(8, 0, 40).distinct().toArray()) {
                batch.add(LedgerOutboxTest.rec(n, random.nextInt(50))); // the same key, more or fewer tokens
            }
            batches.add(batch);
        }
        KeySlots threeSlots = (messageId, requestId) -> (messageId.hashCode() & 0x7fffffff) % 3;
        long[] inserted = new long[2];
        List<List<UsageRecord>> stored = new ArrayList<>();
        int i = 0;
        for (KeySlots slots : List.of(KeySlots.STANDARD, threeSlots)) {
            try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger-" + i + ".db"), "v", slots)) {
                for (List<UsageRecord> batch : batches) {
                    inserted[i] += ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of())).inserted();
                }
                stored.add(all(ledger));
            }
            i++;
        }
        assertThat(inserted[1]).isEqualTo(inserted[0]).isEqualTo(stored.get(0).size());
        assertThat(stored.get(1)).containsExactlyInAnyOrderElementsOf(stored.get(0));
    }

    @Test
    void theStandardSlotsTellApartKeysThatJoinToTheSameTextAndNeverChange() {
        assertThat(KeySlots.STANDARD.first("ab", "c")).isNotEqualTo(KeySlots.STANDARD.first("a", "bc"));
        assertThat(KeySlots.STANDARD.first("msg_1", "")).isNotEqualTo(KeySlots.STANDARD.first("msg_", "1"));
        // Part of the ledger format: ledgers written by earlier builds hold these values.
        assertThat(KeySlots.STANDARD.first("msg_01ABC", "req_011CXYZ")).isEqualTo(-8623480783380747234L);
        assertThat(KeySlots.STANDARD.first("", "")).isEqualTo(4629542135875688149L);
    }
}
