package dev.cctelemetry.store.postgres;

import static dev.cctelemetry.store.postgres.Records.DESKTOP;
import static dev.cctelemetry.store.postgres.Records.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.RemoteUsageRow;
import dev.cctelemetry.core.port.out.UsageSink.ReportFilter;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL upsert keeps exactly the copy {@link WinnerRule} keeps, on random pairs drawn from small domains so
 * that every tie-break level is reached (equal totals with different splits, equal flags, equal paths).
 */
class PostgresWinnerRuleTest {

    private static final int PAIRS = 500;
    private static final String[] FILES = {"/a/x.jsonl", "/a/y.jsonl", "/B/x.jsonl", "/\u00e9/x.jsonl",
        "/a/x.jsonl.bak", "/a/X.jsonl"};
    private static final String[] SPEEDS = {"", "standard", "fast"};

    @RegisterExtension
    final TestPostgres.PerTest db = new TestPostgres.PerTest();

    @Test
    void aLaterPushReplacesTheStoredCopyExactlyWhenTheWinnerRulePrefersIt() {
        Random random = new Random(20260301L);
        List<UsageRecord> first = new ArrayList<>();
        List<UsageRecord> second = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            first.add(randomCopy(random, i));
            second.add(randomCopy(random, i));
        }
        try (PostgresUsageSink sink = db.pg().sink()) {
            sink.push(LAPTOP, first);
            sink.push(DESKTOP, second);
            Map<UsageKey, RemoteUsageRow> stored = storedByKey(sink);

            int replaced = 0;
            for (int i = 0; i < PAIRS; i++) {
                UsageRecord expected = WinnerRule.winner(first.get(i), second.get(i));
                boolean secondWins = expected == second.get(i) && expected != first.get(i);
                RemoteUsageRow row = stored.get(expected.key());
                assertThat(row.record()).as("pair %d: %s vs %s", i, first.get(i), second.get(i)).isEqualTo(expected);
                assertThat(row.machineId()).isEqualTo(secondWins ? DESKTOP.machineId() : LAPTOP.machineId());
                replaced += secondWins ? 1 : 0;
            }
            // Both outcomes occur often, so the comparison above is not vacuous.
            assertThat(replaced).isBetween(PAIRS / 5, PAIRS * 4 / 5);
        }
    }

    @Test
    void bothCopiesInOneBatchKeepTheSameWinner() {
        Random random = new Random(7L);
        List<UsageRecord> batch = new ArrayList<>();
        Map<UsageKey, UsageRecord> expected = new HashMap<>();
        for (int i = 0; i < PAIRS; i++) {
            UsageRecord a = randomCopy(random, i);
            UsageRecord b = randomCopy(random, i);
            batch.add(a);
            batch.add(b);
            expected.put(a.key(), WinnerRule.winner(a, b));
        }
        try (PostgresUsageSink sink = db.pg().sink()) {
            sink.push(LAPTOP, batch);
            Map<UsageKey, RemoteUsageRow> stored = storedByKey(sink);

            assertThat(stored).hasSize(PAIRS);
            expected.forEach((key, record) -> assertThat(stored.get(key).record()).isEqualTo(record));
        }
    }

    private static Map<UsageKey, RemoteUsageRow> storedByKey(PostgresUsageSink sink) {
        Map<UsageKey, RemoteUsageRow> stored = new HashMap<>();
        sink.reportRecords(ReportFilter.ALL, row -> stored.put(row.record().key(), row));
        return stored;
    }

    private static UsageRecord randomCopy(Random random, int i) {
        // Totals 11, 21, 21 or 31: equal totals with different splits reach the next tie-break.
        TokenCounts tokens = new TokenCounts(random.nextBoolean() ? 10 : 20, random.nextBoolean() ? 1 : 11, 0, 0, 0);
        return new UsageRecord(new UsageKey("msg_" + i, i % 3 == 0 ? "" : "req_" + i), "s" + random.nextInt(3),
                "-p", "/p", Records.T0.plusSeconds(i), random.nextBoolean() ? "claude-opus-4-1" : "claude-haiku-4-5",
                tokens, SPEEDS[random.nextInt(SPEEDS.length)], "standard", "2.0.1", random.nextBoolean(), "",
                random.nextBoolean(), "/root", FILES[random.nextInt(FILES.length)], random.nextInt(3) * 7L,
                random.nextInt(1000) / 997.0, CostSource.PRICE_TABLE);
    }
}
