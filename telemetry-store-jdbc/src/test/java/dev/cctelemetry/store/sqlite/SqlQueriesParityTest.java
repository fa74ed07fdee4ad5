package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.SessionOrder;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.UsageQueriesContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The ledger's SQL queries answer exactly what the reference ({@link RecordStreamQueries}, reading the same
 * ledger record by record) answers, on random histories: times around daylight-saving changes and on and off
 * quarter-hour boundaries, zones with 30- and 45-minute offsets, placeholders, fast mode, every cost source,
 * costs with many decimals, filters of every kind, block lengths of whole hours and not.
 */
class SqlQueriesParityTest {

    private static final Instant BASE = Instant.parse("2025-03-24T00:00:00Z");
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York",
            "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham", "America/St_Johns", "Asia/Kolkata");
    private static final List<String> SESSIONS = List.of("11111111-1111-4111-8111-000000000001",
            "22222222-2222-4222-8222-000000000002", "33333333-3333-4333-8333-000000000003");
    private static final List<String> MODELS = List.of("claude-sonnet-4-20250514", "claude-opus-4-1-20250805",
            "claude-haiku-4-5");

    @Property(tries = 25)
    void sqlAnswersEqualTheReference(@ForAll("histories") @Size(max = 60) List<UsageQueriesContract.Req> history,
            @ForAll("zones") String zoneId, @ForAll("instants") Instant from, @ForAll("instants") Instant until)
            throws IOException {
        ZoneId zone = ZoneId.of(zoneId);
        Instant lo = from.isBefore(until) ? from : until;
        Instant hi = from.isBefore(until) ? until : from;
        overLedger(history, (reference, sql) -> {
            for (UsageFilter f : List.of(UsageFilter.ALL, UsageFilter.ALL.between(Optional.of(lo), Optional.of(hi)),
                    UsageFilter.ALL.withModels(Set.of(MODELS.get(0), MODELS.get(1) + "-fast")),
                    UsageFilter.ALL.withProjects(Set.of("-w-a")).withSession(SESSIONS.get(1)),
                    UsageFilter.ALL.withMachines(Set.of("desktop")))) {
                assertSame(reference, sql, f, zone, hi);
            }
        });
    }

    /**
     * Blocks over a range that starts at some time (the Overview's active block, the Blocks page's ranges) are cut
     * from a silence before the range rather than from the whole history: the same blocks and gaps either way,
     * with placeholders next to the cut and without any silence to cut at.
     */
    @Property(tries = 40)
    void blocksFromATimeEqualTheReference(
            @ForAll("denseHistories") @Size(max = 80) List<UsageQueriesContract.Req> history,
            @ForAll("denseInstants") Instant from, @ForAll("denseInstants") Instant now) throws IOException {
        UsageFilter since = UsageFilter.ALL.between(Optional.of(from), Optional.empty());
        overLedger(history, (reference, sql) -> {
            for (UsageFilter f : List.of(since, since.withModels(Set.of(MODELS.get(0))),
                    since.withSession(SESSIONS.get(2)))) {
                for (Duration length : List.of(Duration.ofHours(5), Duration.ofHours(1))) {
                    assertThat(sql.blocks(f, length, now)).as("%s %s", f, length)
                            .isEqualTo(reference.blocks(f, length, now));
                }
            }
        });
    }

    /** Checks the reference and the SQL queries over a fresh ledger holding {@code history}. */
    private static void overLedger(List<UsageQueriesContract.Req> history,
            BiConsumer<UsageQueries, UsageQueries> check) throws IOException {
        List<UsageRecord> records = history.stream().map(UsageQueriesContract.Req::build).toList();
        Path dir = Files.createTempDirectory("cct-parity");
        try {
            Path file = dir.resolve("telemetry.db");
            try (SqliteLedger ledger = SqliteLedger.open(file, "test-prices")) {
                ledger.commit(new Ledger.IngestBatch(records, List.of(), List.of()));
                check.accept(new RecordStreamQueries(ledger, UsageQueriesContract.MACHINE_ID,
                        UsageQueriesContract.MACHINE_NAME), SqliteUsageQueries.over(file,
                        UsageQueriesContract.MACHINE_ID, UsageQueriesContract.MACHINE_NAME));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void assertSame(UsageQueries reference, UsageQueries sql, UsageFilter f, ZoneId zone,
            Instant now) {
        assertThat(sql.totals(f)).isEqualTo(reference.totals(f));
        for (PeriodGrouping g : List.of(PeriodGrouping.days(zone), PeriodGrouping.weeks(zone, DayOfWeek.MONDAY),
                PeriodGrouping.weeks(zone, DayOfWeek.SUNDAY), PeriodGrouping.weeks(zone, DayOfWeek.SATURDAY),
                PeriodGrouping.months(zone))) {
            assertThat(sql.periods(f, g)).as("%s", g).isEqualTo(reference.periods(f, g));
        }
        for (GroupDimension d : GroupDimension.values()) {
            assertThat(sql.groups(f, d)).as("%s", d).isEqualTo(reference.groups(f, d));
            assertThat(sql.groupKeys(f, d)).as("%s keys", d)
                    .containsExactlyInAnyOrderElementsOf(reference.groupKeys(f, d));
        }
        assertThat(sql.sessions(f, SessionQuery.ALL)).isEqualTo(reference.sessions(f, SessionQuery.ALL));
        for (SessionOrder order : SessionOrder.values()) { // every order both ways, a page past the first row
            for (SessionQuery q : List.of(new SessionQuery(order, true, 1, 2), new SessionQuery(order, false, 0, 3))) {
                assertThat(sql.sessions(f, q)).as("%s", q).isEqualTo(reference.sessions(f, q));
            }
        }
        for (Duration length : List.of(Duration.ofHours(5), Duration.ofHours(1), Duration.ofMinutes(90))) {
            assertThat(sql.blocks(f, length, now)).as("%s", length).isEqualTo(reference.blocks(f, length, now));
        }
        assertThat(sql.hoursOfWeek(f, zone)).isEqualTo(reference.hoursOfWeek(f, zone));
        for (String s : SESSIONS) {
            assertThat(sql.sessionRequests(s)).isEqualTo(reference.sessionRequests(s));
        }
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    /** Times over three weeks around the March change, often exactly on a quarter hour or an hour. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> anyMillis = Arbitraries.longs().between(0, Duration.ofDays(21).toMillis());
        Arbitrary<Long> quarters = Arbitraries.longs().between(0, 21 * 96).map(q -> q * 900_000L);
        Arbitrary<Long> nearQuarters = quarters.flatMap(q -> Arbitraries.longs().between(-2, 2).map(d -> q + d));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyMillis), net.jqwik.api.Tuple.of(2, quarters),
                net.jqwik.api.Tuple.of(1, nearQuarters)).map(BASE::plusMillis);
    }

    @Provide
    Arbitrary<List<UsageQueriesContract.Req>> histories() {
        return historiesAt(instants());
    }

    /** Histories over three days: silences longer than a block are few, and some ranges have none to cut at. */
    @Provide
    Arbitrary<List<UsageQueriesContract.Req>> denseHistories() {
        return historiesAt(Arbitraries.longs().between(0, Duration.ofDays(3).toMillis()).map(BASE::plusMillis));
    }

    /** Range starts over the same three days and the day after, on and off whole hours. */
    @Provide
    Arbitrary<Instant> denseInstants() {
        Arbitrary<Long> hours = Arbitraries.longs().between(0, 4 * 24).map(h -> h * 3_600_000L);
        return Arbitraries.oneOf(hours, hours.map(h -> h + 1), hours.map(h -> h - 1),
                Arbitraries.longs().between(0, Duration.ofDays(4).toMillis())).map(BASE::plusMillis);
    }

    private Arbitrary<List<UsageQueriesContract.Req>> historiesAt(Arbitrary<Instant> times) {
        Arbitrary<UsageQueriesContract.Req> req = Combinators.combine(times, Arbitraries.of(SESSIONS),
                Arbitraries.of("-w-a", "-w-b"), Arbitraries.of("/w/a", "/w/a/sub", ""), Arbitraries.of(MODELS),
                Arbitraries.integers().between(0, 9), Arbitraries.doubles().between(0, 3),
                Arbitraries.longs().between(0, 5000)).as((t, session, project, cwd, model, kind, cost, tokens) -> {
                    UsageQueriesContract.Req r = UsageQueriesContract.at(t.toString()).session(session)
                            .project(project, cwd).model(model).cost(cost).tokens(tokens, tokens / 3, tokens * 2,
                                    tokens % 7, tokens * 5);
                    return switch (kind) {
                        case 0 -> r.synthetic();
                        case 1 -> r.fast();
                        case 2 -> r.unpriced("qwen3-coder");
                        case 3 -> r.costState("glm-4.6", cost);
                        case 4 -> r.subagent("a" + tokens % 3);
                        default -> r;
                    };
                });
        return req.list().ofMaxSize(60);
    }
}
