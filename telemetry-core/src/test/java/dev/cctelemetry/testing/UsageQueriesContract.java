package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.GroupUsage;
import dev.cctelemetry.core.query.HourOfWeekUsage;
import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.PeriodGrouping;
import dev.cctelemetry.core.query.PeriodUsage;
import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.query.RequestUsage;
import dev.cctelemetry.core.query.SessionOrder;
import dev.cctelemetry.core.query.SessionPage;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.UsageBlock;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UsageQueries} adapter answers, on the same small histories: the port's contract as tests. A
 * store's test extends this and says how it holds the given records ({@link #queriesOver}); the records belong
 * to one machine, {@link #MACHINE_ID} named {@link #MACHINE_NAME}.
 */
public abstract class UsageQueriesContract {

    /** The machine every record belongs to. */
    public static final String MACHINE_ID = "0f0e0d0c-0b0a-4908-8706-050403020100";
    /** Its name. */
    public static final String MACHINE_NAME = "laptop";

    private static final AtomicLong IDS = new AtomicLong();
    private static final Instant LONG_AFTER = Instant.parse("2030-01-01T00:00:00Z");
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String OPUS = "claude-opus-4-1-20250805";

    /** The store's queries over exactly these records, all of machine {@link #MACHINE_ID}. */
    protected abstract UsageQueries queriesOver(List<UsageRecord> records);

    /** A record builder: {@code at("2025-08-01T10:00:00Z").tokens(...).cost(...).build()}. */
    public static Req at(String isoInstant) {
        return new Req(Instant.parse(isoInstant));
    }

    /** Builds one record; defaults give a priced Sonnet request of 3,150 tokens in session "s1". */
    public static final class Req {
        private final Instant timestamp;
        private String session = "11111111-1111-4111-8111-000000000001";
        private String project = "-home-user-app";
        private String cwd = "/home/user/app";
        private String model = SONNET;
        private TokenCounts tokens = new TokenCounts(100, 50, 1000, 0, 2000);
        private String speed = "";
        private double cost = 0.01;
        private CostSource source = CostSource.PRICE_TABLE;
        private String agentId = "";
        private boolean sidechain;
        private String file;

        private Req(Instant timestamp) {
            this.timestamp = timestamp;
        }

        public Req session(String id) {
            session = id;
            return this;
        }

        public Req project(String dir, String workingDir) {
            project = dir;
            cwd = workingDir;
            return this;
        }

        public Req model(String id) {
            model = id;
            return this;
        }

        public Req tokens(long input, long output, long write5m, long write1h, long read) {
            tokens = new TokenCounts(input, output, write5m, write1h, read);
            return this;
        }

        public Req cost(double usd) {
            cost = usd;
            return this;
        }

        public Req fast() {
            speed = "fast";
            return this;
        }

        public Req unpriced(String unknownModel) {
            model = unknownModel;
            cost = 0;
            source = CostSource.UNPRICED;
            return this;
        }

        public Req costState(String unknownModel, double usd) {
            model = unknownModel;
            cost = usd;
            source = CostSource.COST_STATE;
            return this;
        }

        public Req synthetic() {
            model = UsageRecord.SYNTHETIC_MODEL;
            tokens = TokenCounts.ZERO;
            cost = 0;
            return this;
        }

        public Req subagent(String id) {
            agentId = id;
            sidechain = true;
            return this;
        }

        public Req file(String path) {
            file = path;
            return this;
        }

        public UsageRecord build() {
            long n = IDS.incrementAndGet();
            String path = file != null ? file : "/home/user/.claude/projects/" + project + "/" + session + ".jsonl";
            return new UsageRecord(new UsageKey("msg_" + n, "req_" + n), session, project, cwd, timestamp, model,
                    tokens, speed, "", "2.1.0", sidechain, agentId, true, "/home/user/.claude", path, n * 100,
                    cost, source);
        }
    }

    private UsageQueries over(Req... requests) {
        return queriesOver(Arrays.stream(requests).map(Req::build).toList());
    }

    private static UsageFilter onDates(String since, String until, ZoneId zone) {
        return UsageFilter.onDates(Optional.ofNullable(since).map(LocalDate::parse),
                Optional.ofNullable(until).map(LocalDate::parse), zone);
    }

    private static UsageFilter between(String from, String until) {
        return UsageFilter.ALL.between(Optional.of(Instant.parse(from)), Optional.of(Instant.parse(until)));
    }

    @Test
    void totalsCountRequestsTokensAndCostExactlyAndLeavePlaceholdersOut() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z").tokens(100, 50, 1000, 500, 2000).cost(0.1),
                at("2025-08-01T11:00:00Z").model(OPUS).tokens(10, 5, 0, 0, 0).cost(0.2),
                at("2025-08-01T11:30:00Z").synthetic(),
                at("2025-08-02T09:00:00Z").session("22222222-2222-4222-8222-000000000002").cost(0.3));

        UsageSummary t = q.totals(UsageFilter.ALL);

        assertThat(t.tokens()).isEqualTo(new TokenCounts(210, 105, 2000, 500, 4000));
        assertThat(t.costPicos()).isEqualTo(Picodollars.of(0.1) + Picodollars.of(0.2) + Picodollars.of(0.3));
        assertThat(t.requests()).isEqualTo(3);
        assertThat(t.sessions()).isEqualTo(2);
        assertThat(t.modelsUsed()).containsExactly(OPUS, SONNET);
        assertThat(t.breakdowns()).extracting(ModelBreakdown::model).containsExactly(SONNET, OPUS);
        assertThat(t.breakdowns()).extracting(ModelBreakdown::requests).containsExactly(2L, 1L);
    }

    @Test
    void emptyStoreAnswersEmptyRowsAndZeroTotals() {
        UsageQueries q = queriesOver(List.of());

        assertThat(q.totals(UsageFilter.ALL)).isEqualTo(UsageSummary.EMPTY);
        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.days(ZoneOffset.UTC))).isEmpty();
        assertThat(q.groups(UsageFilter.ALL, GroupDimension.PROJECT)).isEmpty();
        assertThat(q.sessions(UsageFilter.ALL, SessionQuery.ALL).sessions()).isEmpty();
        assertThat(q.blocks(UsageFilter.ALL, Duration.ofHours(5), LONG_AFTER)).isEmpty();
        assertThat(q.hoursOfWeek(UsageFilter.ALL, ZoneOffset.UTC)).isEmpty();
        assertThat(q.sessionRequests("nobody")).isEmpty();
    }

    @Test
    void costSourcesAreKeptPerModel() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z"), at("2025-08-01T10:01:00Z").unpriced("qwen3-coder"),
                at("2025-08-01T10:02:00Z").costState("glm-4.6", 0.5));

        UsageSummary t = q.totals(UsageFilter.ALL);

        assertThat(t.unpricedModels()).containsExactly("qwen3-coder");
        assertThat(t.costStateModels()).containsExactly("glm-4.6");
        assertThat(t.breakdowns()).filteredOn(b -> b.model().equals(SONNET)).singleElement()
                .satisfies(b -> assertThat(b.costSources()).containsExactly(CostSource.PRICE_TABLE));
    }

    @Test
    void daysSplitAtLocalMidnightInZonesWithHalfAndQuarterHourOffsets() {
        // Kathmandu is UTC+05:45, Adelaide +09:30 (+10:30 in summer), Chatham +12:45 (+13:45 in summer).
        for (String zoneId : List.of("Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham", "Asia/Kolkata",
                "America/St_Johns", "UTC")) {
            ZoneId zone = ZoneId.of(zoneId);
            Instant midnight = LocalDate.parse("2025-01-15").atStartOfDay(zone).toInstant();
            UsageQueries q = over(at(midnight.minusMillis(1).toString()).cost(1),
                    at(midnight.toString()).cost(2), at(midnight.plusSeconds(899).toString()).cost(4));

            List<PeriodUsage> days = q.periods(UsageFilter.ALL, PeriodGrouping.days(zone));

            assertThat(days).as(zoneId).extracting(PeriodUsage::label).containsExactly("2025-01-14", "2025-01-15");
            assertThat(days).as(zoneId).extracting(p -> p.usage().requests()).containsExactly(1L, 2L);
            assertThat(days.get(1).usage().costPicos()).as(zoneId)
                    .isEqualTo(Picodollars.of(2) + Picodollars.of(4));
        }
    }

    @Test
    void daysFollowDaylightSavingChanges() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // 2025-03-30: clocks go from 02:00 to 03:00; the local day is 23 hours long.
        UsageQueries q = over(at("2025-03-29T22:59:59.999Z"), at("2025-03-29T23:00:00Z"),
                at("2025-03-30T21:59:59.999Z"), at("2025-03-30T22:00:00Z"));

        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.days(paris))).extracting(PeriodUsage::label,
                p -> p.usage().requests()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-03-29", 1L),
                        org.assertj.core.groups.Tuple.tuple("2025-03-30", 2L),
                        org.assertj.core.groups.Tuple.tuple("2025-03-31", 1L));
    }

    @Test
    void weeksStartOnTheChosenDayAndMonthsFollowTheCalendar() {
        // 2025-08-03 is a Sunday, 2025-08-04 a Monday.
        UsageQueries q = over(at("2025-07-31T12:00:00Z"), at("2025-08-03T12:00:00Z"), at("2025-08-04T12:00:00Z"));

        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.weeks(ZoneOffset.UTC, DayOfWeek.SUNDAY)))
                .extracting(PeriodUsage::label, p -> p.usage().requests())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-07-27", 1L),
                        org.assertj.core.groups.Tuple.tuple("2025-08-03", 2L));
        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.weeks(ZoneOffset.UTC, DayOfWeek.MONDAY)))
                .extracting(PeriodUsage::label, p -> p.usage().requests())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-07-28", 2L),
                        org.assertj.core.groups.Tuple.tuple("2025-08-04", 1L));
        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.months(ZoneOffset.UTC)))
                .extracting(PeriodUsage::label, p -> p.usage().requests())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-07", 1L),
                        org.assertj.core.groups.Tuple.tuple("2025-08", 2L));
        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.months(ZoneId.of("Pacific/Kiritimati"))))
                .extracting(PeriodUsage::label).containsExactly("2025-08");
    }

    @Test
    void periodsWithOnlyPlaceholdersAreLeftOut() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z"), at("2025-08-02T10:00:00Z").synthetic());

        assertThat(q.periods(UsageFilter.ALL, PeriodGrouping.days(ZoneOffset.UTC))).extracting(PeriodUsage::label)
                .containsExactly("2025-08-01");
    }

    @Test
    void timeRangeIsHalfOpenToTheMillisecondAnywhereInAQuarterHour() {
        UsageQueries q = over(at("2025-08-01T10:07:29.999Z").cost(1), at("2025-08-01T10:07:30Z").cost(2),
                at("2025-08-01T10:22:44.999Z").cost(4), at("2025-08-01T10:22:45Z").cost(8));

        UsageSummary t = q.totals(between("2025-08-01T10:07:30Z", "2025-08-01T10:22:45Z"));

        assertThat(t.requests()).isEqualTo(2);
        assertThat(t.costPicos()).isEqualTo(Picodollars.of(2) + Picodollars.of(4));
        assertThat(q.totals(onDates("2025-08-01", "2025-08-01", ZoneOffset.UTC)).requests()).isEqualTo(4);
        assertThat(q.totals(onDates("2025-08-02", null, ZoneOffset.UTC)).requests()).isZero();
    }

    @Test
    void projectsAreLabelledWithTheirLatestWorkingDirectory() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z").project("-w-a", "/w/a").cost(1),
                at("2025-08-01T11:00:00Z").project("-w-a", "/w/a/sub").cost(1),
                at("2025-08-01T12:00:00Z").project("-w-a", "").cost(1),
                at("2025-08-01T10:00:00Z").project("-w-b", "/w/b").cost(5));

        List<GroupUsage> projects = q.groups(UsageFilter.ALL, GroupDimension.PROJECT);

        assertThat(projects).extracting(GroupUsage::key, GroupUsage::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("-w-b", "/w/b"),
                org.assertj.core.groups.Tuple.tuple("-w-a", "/w/a/sub"));
        assertThat(projects.get(1).firstActivity()).isEqualTo(Instant.parse("2025-08-01T10:00:00Z"));
        assertThat(projects.get(1).lastActivity()).isEqualTo(Instant.parse("2025-08-01T12:00:00Z"));
    }

    @Test
    void modelsAreLabelledWithFastModeAndMachinesWithTheirName() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z").model(OPUS).cost(1),
                at("2025-08-01T10:01:00Z").model(OPUS).fast().cost(6), at("2025-08-01T10:02:00Z").synthetic());

        assertThat(q.groups(UsageFilter.ALL, GroupDimension.MODEL)).extracting(GroupUsage::key)
                .containsExactly(OPUS + "-fast", OPUS);
        // The filter menus' list: the same keys without sums, the placeholder's model left out.
        assertThat(q.groupKeys(UsageFilter.ALL, GroupDimension.MODEL)).containsExactlyInAnyOrder(OPUS + "-fast", OPUS);
        assertThat(q.groupKeys(UsageFilter.ALL, GroupDimension.MACHINE)).containsExactly(MACHINE_ID);
        assertThat(q.groups(UsageFilter.ALL, GroupDimension.MACHINE)).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo(MACHINE_ID);
            assertThat(m.label()).isEqualTo(MACHINE_NAME);
            assertThat(m.usage().requests()).isEqualTo(2);
        });
    }

    @Test
    void filtersNarrowByProjectModelSessionAndMachine() {
        String other = "22222222-2222-4222-8222-000000000002";
        UsageQueries q = over(at("2025-08-01T10:00:00Z").project("-w-a", "/w/a").cost(1),
                at("2025-08-01T10:01:00Z").project("-w-b", "/w/b").model(OPUS).cost(2),
                at("2025-08-01T10:02:00Z").project("-w-b", "/w/b").model(OPUS).fast().session(other).cost(4));

        assertThat(q.totals(UsageFilter.ALL.withProjects(Set.of("-w-b"))).requests()).isEqualTo(2);
        assertThat(q.totals(UsageFilter.ALL.withModels(Set.of(OPUS))).requests()).isEqualTo(1);
        assertThat(q.totals(UsageFilter.ALL.withModels(Set.of(OPUS + "-fast", SONNET))).requests()).isEqualTo(2);
        assertThat(q.totals(UsageFilter.ALL.withSession(other)).costPicos()).isEqualTo(Picodollars.of(4));
        assertThat(q.totals(UsageFilter.ALL.withMachines(Set.of(MACHINE_NAME))).requests()).isEqualTo(3);
        assertThat(q.totals(UsageFilter.ALL.withMachines(Set.of(MACHINE_ID))).requests()).isEqualTo(3);
        assertThat(q.totals(UsageFilter.ALL.withMachines(Set.of("desktop")))).isEqualTo(UsageSummary.EMPTY);
    }

    @Test
    void sessionsAreSelectedByLastActivityAndCountTheirEarlierRequests() {
        String early = "22222222-2222-4222-8222-000000000002";
        String late = "33333333-3333-4333-8333-000000000003";
        UsageQueries q = over(at("2025-08-01T10:00:00Z").session(early).cost(1),
                at("2025-08-01T23:00:00Z").session(late).project("-w-a", "/w/a").cost(2),
                at("2025-08-02T09:00:00Z").session(late).project("-w-b", "").cost(4),
                at("2025-08-02T09:30:00Z").session(late).synthetic());

        SessionPage page = q.sessions(onDates("2025-08-02", null, ZoneOffset.UTC), SessionQuery.ALL);

        assertThat(page.total()).isEqualTo(1);
        SessionUsage s = page.sessions().get(0);
        assertThat(s.sessionId()).isEqualTo(late);
        assertThat(s.firstActivity()).isEqualTo(Instant.parse("2025-08-01T23:00:00Z"));
        assertThat(s.lastActivity()).isEqualTo(Instant.parse("2025-08-02T09:00:00Z"));
        assertThat(s.projectDir()).isEqualTo("-w-b");
        assertThat(s.cwd()).isEqualTo("/w/a");
        assertThat(s.machineId()).isEqualTo(MACHINE_ID);
        assertThat(s.machineName()).isEqualTo(MACHINE_NAME);
        assertThat(s.usage().requests()).isEqualTo(2);
        assertThat(page.totals().costPicos()).isEqualTo(Picodollars.of(2) + Picodollars.of(4));
        assertThat(page.totals().sessions()).isEqualTo(1);
    }

    @Test
    void sessionsSortAndPageWithTiesBrokenByLastActivityThenId() {
        List<Req> reqs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = String.format("%08d-0000-4000-8000-000000000000", i);
            reqs.add(at("2025-08-0" + (i + 1) + "T10:00:00Z").session(id).cost(i % 3));
        }
        UsageQueries q = over(reqs.toArray(Req[]::new));

        SessionPage byCost = q.sessions(UsageFilter.ALL, new SessionQuery(SessionOrder.COST, true, 2, 3));

        // costs 0,1,2,0,1,2,0 for sessions 0..6; by cost descending, ties by last activity: 2,5 | 1,4 | 0,3,6.
        assertThat(byCost.total()).isEqualTo(7);
        assertThat(byCost.sessions()).extracting(SessionUsage::sessionId).containsExactly(
                "00000001-0000-4000-8000-000000000000", "00000004-0000-4000-8000-000000000000",
                "00000000-0000-4000-8000-000000000000");
        assertThat(q.sessions(UsageFilter.ALL, new SessionQuery(SessionOrder.LAST_ACTIVITY, true, 0, 2)).sessions())
                .extracting(SessionUsage::sessionId).containsExactly("00000006-0000-4000-8000-000000000000",
                        "00000005-0000-4000-8000-000000000000");
        assertThat(q.sessions(UsageFilter.ALL, new SessionQuery(SessionOrder.COST, false, 6, 5)).sessions())
                .extracting(SessionUsage::sessionId).containsExactly("00000005-0000-4000-8000-000000000000");
        assertThat(q.sessions(UsageFilter.ALL, new SessionQuery(SessionOrder.COST, false, 9, 5)).sessions())
                .isEmpty();
    }

    @Test
    void sessionLeftWithoutRequestsUnderAModelFilterIsNotListed() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z").model(OPUS),
                at("2025-08-01T11:00:00Z").session("22222222-2222-4222-8222-000000000002"));

        assertThat(q.sessions(UsageFilter.ALL.withModels(Set.of(OPUS)), SessionQuery.ALL).sessions())
                .extracting(SessionUsage::sessionId).containsExactly("11111111-1111-4111-8111-000000000001");
    }

    @Test
    void blocksFollowCcusagesRuleToTheMillisecond() {
        UsageQueries q = over(at("2025-08-01T10:55:30Z"), at("2025-08-01T12:10:00Z"),
                at("2025-08-01T15:00:00Z"), at("2025-08-01T15:00:00.001Z"), at("2025-08-02T01:00:00Z"));

        List<UsageBlock> blocks = q.blocks(UsageFilter.ALL, Duration.ofHours(5), LONG_AFTER);

        assertThat(blocks).extracting(UsageBlock::id).containsExactly("2025-08-01T10:00:00.000Z",
                "2025-08-01T15:00:00.000Z", "gap-2025-08-01T20:00:00.001Z", "2025-08-02T01:00:00.000Z");
        assertThat(blocks).extracting(b -> b.usage().requests()).containsExactly(3L, 1L, 0L, 1L);
        assertThat(blocks.get(0).actualEnd()).contains(Instant.parse("2025-08-01T15:00:00Z"));
        assertThat(blocks.get(1).actualEnd()).contains(Instant.parse("2025-08-01T15:00:00.001Z"));
    }

    @Test
    void placeholdersMoveBlockBoundariesButABlockOfOnlyPlaceholdersIsLeftOut() {
        UsageQueries q = over(at("2025-08-01T10:00:00Z"), at("2025-08-01T16:00:00Z").synthetic(),
                at("2025-08-01T16:30:00Z").synthetic(), at("2025-08-02T06:00:00Z"), at("2025-08-02T09:00:00Z"),
                at("2025-08-02T11:05:00Z").synthetic(), at("2025-08-02T12:10:00Z"));

        List<UsageBlock> blocks = q.blocks(UsageFilter.ALL, Duration.ofHours(5), LONG_AFTER);

        // 16:00 opens a block of placeholders only: left out, one gap spans it. 11:05 the next day is more than
        // 5 hours after 06:00 and opens a block at 11:00, which 12:10 joins (without it, 12:10 would open one).
        assertThat(blocks).extracting(UsageBlock::id).containsExactly("2025-08-01T10:00:00.000Z",
                "gap-2025-08-01T15:00:00.000Z", "2025-08-02T06:00:00.000Z", "2025-08-02T11:00:00.000Z");
        assertThat(blocks).extracting(b -> b.usage().requests()).containsExactly(1L, 0L, 2L, 1L);
    }

    @Test
    void activeBlockHasBurnRateAndProjection() {
        UsageQueries q = over(at("2025-08-01T10:30:00Z").tokens(1000, 200, 0, 0, 800).cost(0.3),
                at("2025-08-01T11:30:00Z").tokens(2000, 800, 0, 0, 1200).cost(0.6));

        UsageBlock active = q.blocks(UsageFilter.ALL, Duration.ofHours(5), Instant.parse("2025-08-01T12:00:00Z"))
                .get(0);

        assertThat(active.active()).isTrue();
        assertThat(active.burnRate().orElseThrow().tokensPerMinute()).isEqualTo(100.0);
        assertThat(active.projection().orElseThrow().remainingMinutes()).isEqualTo(180);
    }

    @Test
    void blocksAreSelectedByStartButCutFromTheWholeHistory() {
        UsageQueries q = over(at("2025-08-01T22:00:00Z"), at("2025-08-02T01:30:00Z"), at("2025-08-02T04:00:00Z"));

        List<UsageBlock> blocks = q.blocks(onDates("2025-08-02", null, ZoneOffset.UTC), Duration.ofHours(5),
                LONG_AFTER);

        // The block starting 22:00 on the 1st takes 01:30; 04:00 is 6 hours after 22:00 and opens the next block.
        assertThat(blocks).extracting(UsageBlock::id).containsExactly("2025-08-02T04:00:00.000Z");
    }

    @Test
    void hoursOfTheWeekAreLocal() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        // 2025-08-04 is a Monday; 18:14 UTC is 23:59 in Kathmandu, 18:15 is Tuesday 00:00.
        UsageQueries q = over(at("2025-08-04T18:14:59.999Z"), at("2025-08-04T18:15:00Z"),
                at("2025-08-11T18:20:00Z"));

        List<HourOfWeekUsage> cells = q.hoursOfWeek(UsageFilter.ALL, kathmandu);

        assertThat(cells).extracting(HourOfWeekUsage::weekday, HourOfWeekUsage::hour, c -> c.usage().requests())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DayOfWeek.MONDAY, 23, 1L),
                        org.assertj.core.groups.Tuple.tuple(DayOfWeek.TUESDAY, 0, 2L));
    }

    @Test
    void sessionRequestsAreInTimeOrderWithSubagentsMarked() {
        UsageQueries q = over(at("2025-08-01T10:02:00Z").subagent("a1").model("claude-haiku-4-5").cost(0.02),
                at("2025-08-01T10:00:00Z").cost(0.01), at("2025-08-01T10:03:00Z").synthetic(),
                at("2025-08-01T10:04:00Z").session("22222222-2222-4222-8222-000000000002"));

        List<RequestUsage> requests = q.sessionRequests("11111111-1111-4111-8111-000000000001");

        assertThat(requests).extracting(RequestUsage::timestamp).containsExactly(
                Instant.parse("2025-08-01T10:00:00Z"), Instant.parse("2025-08-01T10:02:00Z"));
        assertThat(requests).extracting(RequestUsage::subagent).containsExactly(false, true);
        assertThat(requests.get(1).agentId()).isEqualTo("a1");
        assertThat(requests.get(1).model()).isEqualTo("claude-haiku-4-5");
        assertThat(requests.get(1).costPicos()).isEqualTo(Picodollars.of(0.02));
    }
}
