package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.statusline.ActiveBlock;
import dev.cctelemetry.core.statusline.StatuslineFigures;
import dev.cctelemetry.core.statusline.StatuslineSnapshot;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.InMemoryLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published status line figures equal what the reference queries say of the same ledger. */
class StatuslineSnapshotQueryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu"); // +05:45: local dates are not UTC dates
    private static final Instant NOW = Instant.parse("2026-12-07T20:10:00Z");

    @TempDir
    Path dir;

    private static UsageRecord rec(int n, String session, Instant ts, long output, double cost) {
        return new UsageRecord(new UsageKey("m" + n, "r" + n), session, "-p", "/w", ts, "claude-sonnet-4-6",
                new TokenCounts(1, output, 0, 0, 0), "", "standard", "2.1.97", false, "", true, "/root", "f.jsonl", n,
                cost, CostSource.PRICE_TABLE);
    }

    @Test
    void todayTheActiveBlockAndEachRecentSessionEqualTheReferenceQueries() {
        for (long seed = 1; seed <= 12; seed++) {
            Path file = dir.resolve("t" + seed + ".db");
            Random random = new Random(seed);
            List<UsageRecord> records = new ArrayList<>();
            // A month of history ending near NOW, with pauses of minutes to hours, zero-token placeholders, and an
            // old session that is still going (its older cost counts too).
            Instant t = NOW.minus(Duration.ofDays(30));
            int n = 0;
            while (t.isBefore(NOW)) {
                String session = random.nextInt(5) == 0 ? "old" : "s" + t.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                boolean placeholder = random.nextInt(10) == 0;
                records.add(rec(n++, session, t, placeholder ? 0 : 1 + random.nextInt(900),
                        placeholder ? 0 : random.nextInt(3_000_000) / 1e6));
                t = t.plus(Duration.ofMinutes(random.nextInt(8) == 0 ? 60 + random.nextInt(600) : 1 + random.nextInt(40)));
            }
            StatuslineSnapshot snapshot;
            try (SqliteLedger ledger = SqliteLedger.open(file, "v", Clock.fixed(NOW, ZONE))) {
                ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
                ledger.publishCheckpoints();
                snapshot = PublishedStatusline.read(file).orElseThrow();
            }
            InMemoryLedger memory = new InMemoryLedger();
            memory.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
            RecordStreamQueries reference = new RecordStreamQueries(memory, "id", "me");
            for (Instant at : List.of(NOW, NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(3)))) {
                for (String session : List.of("old", "s" + NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS))) {
                    StatuslineFigures figures = snapshot.figures(Optional.of(session), at);
                    LocalDate today = LocalDate.ofInstant(at, ZONE);
                    long expectedToday = reference.totals(UsageFilter.ALL.between(
                            Optional.of(today.atStartOfDay(ZONE).toInstant()),
                            Optional.of(today.plusDays(1).atStartOfDay(ZONE).toInstant()))).costPicos();
                    assertThat(figures.todayPicos()).as("seed %d today at %s", seed, at).contains(expectedToday);
                    Optional<Long> expectedSession = reference.sessions(UsageFilter.ALL, SessionQuery.ALL).sessions()
                            .stream().filter(s -> s.sessionId().equals(session)).findFirst()
                            .map(SessionUsage::usage).map(u -> u.costPicos());
                    if (expectedSession.isPresent()) {
                        assertThat(figures.sessionPicos()).as("seed %d session %s", seed, session)
                                .isEqualTo(expectedSession);
                    }
                    Optional<UsageBlock> active = reference.blocks(UsageFilter.ALL, Duration.ofHours(5), at).stream()
                            .filter(UsageBlock::active).findFirst();
                    assertThat(figures.block().map(ActiveBlock::costPicos)).as("seed %d block at %s", seed, at)
                            .isEqualTo(active.map(b -> b.usage().costPicos()));
                    assertThat(figures.block().map(ActiveBlock::end)).isEqualTo(active.map(UsageBlock::end));
                    if (active.isPresent() && active.get().burnRate().isPresent()) {
                        assertThat(figures.block().get().costPerHour().orElseThrow())
                                .isCloseTo(active.get().burnRate().get().costPerHour(),
                                        org.assertj.core.data.Offset.offset(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void aSyncThatCommitsNothingPublishesTheFiguresWhenNoneAreThere() {
        Path file = dir.resolve("t.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v", Clock.fixed(NOW, ZONE))) {
            ledger.publishCheckpoints();
        }
        StatuslineSnapshot empty = PublishedStatusline.read(file).orElseThrow();
        assertThat(empty.figures(Optional.of("s"), NOW))
                .isEqualTo(new StatuslineFigures(Optional.empty(), Optional.of(0L), Optional.empty(), Optional.empty()));
    }
}
