package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.UsageSummary;
import static dev.cctelemetry.core.report.RecordBuilder.aRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static ReportService service(UsageRecord... records) {
        return new ReportService(ListRecordSource.queries(List.of(records)), CLOCK);
    }

    @Test
    void dailySplitsAtMidnightOfTheChosenZone() {
        ReportService s = service(aRecord().at("2025-08-01T23:30:00Z").build(),
                aRecord().at("2025-08-02T02:00:00Z").build());

        assertThat(s.daily(ReportOptions.all(ZoneOffset.UTC)).rows()).extracting(DailyRow::label)
                .containsExactly("2025-08-01", "2025-08-02");
        assertThat(s.daily(ReportOptions.all(TOKYO)).rows()).extracting(DailyRow::label)
                .containsExactly("2025-08-02");
        assertThat(s.daily(ReportOptions.all(LOS_ANGELES)).rows()).extracting(DailyRow::label)
                .containsExactly("2025-08-01");
    }

    @Test
    void dailyRowSumsTokensCostAndCountsPerModel() {
        ReportService s = service(
                aRecord().at("2025-08-01T10:00:00Z").tokens(100, 50, 1000, 500, 2000).cost(0.5).build(),
                aRecord().at("2025-08-01T11:00:00Z").model("claude-opus-4-1-20250805").tokens(10, 5, 0, 0, 0)
                        .cost(2.0).build());

        Report<DailyRow> r = s.daily(ReportOptionsFixtures.utc());

        UsageSummary day = r.rows().get(0).usage();
        assertThat(day.tokens()).isEqualTo(new TokenCounts(110, 55, 1000, 500, 2000));
        assertThat(day.cacheCreationTokens()).isEqualTo(1500);
        assertThat(day.totalTokens()).isEqualTo(3665);
        assertThat(day.cost()).isCloseTo(2.5, within(1e-12));
        assertThat(day.requests()).isEqualTo(2);
        assertThat(day.modelsUsed()).containsExactly("claude-opus-4-1-20250805", "claude-sonnet-4-20250514");
        assertThat(day.breakdowns()).extracting(ModelBreakdown::model)
                .containsExactly("claude-opus-4-1-20250805", "claude-sonnet-4-20250514");
        assertThat(r.totals().totalTokens()).isEqualTo(3665);
        assertThat(r.totals().requests()).isEqualTo(2);
    }

    @Test
    void monthlyGroupsByLocalMonth() {
        ReportService s = service(aRecord().at("2025-07-31T23:30:00Z").cost(1).build(),
                aRecord().at("2025-08-01T10:00:00Z").cost(2).build(),
                aRecord().at("2025-09-15T10:00:00Z").cost(4).build());

        assertThat(s.monthly(ReportOptionsFixtures.utc()).rows()).extracting(MonthlyRow::label)
                .containsExactly("2025-07", "2025-08", "2025-09");
        Report<MonthlyRow> tokyo = s.monthly(ReportOptions.all(TOKYO));
        assertThat(tokyo.rows()).extracting(MonthlyRow::label).containsExactly("2025-08", "2025-09");
        assertThat(tokyo.rows().get(0).usage().cost()).isCloseTo(3, within(1e-12));
        assertThat(tokyo.totals().cost()).isCloseTo(7, within(1e-12));
    }

    @Test
    void sinceAndUntilAreInclusiveLocalDates() {
        ReportService s = service(aRecord().at("2025-08-01T12:00:00Z").build(),
                aRecord().at("2025-08-02T12:00:00Z").build(),
                aRecord().at("2025-08-03T12:00:00Z").build(),
                aRecord().at("2025-08-03T23:30:00Z").build());
        ReportOptions opts = ReportOptionsFixtures.utc().withSince(LocalDate.parse("2025-08-02"))
                .withUntil(LocalDate.parse("2025-08-03"));

        assertThat(s.daily(opts).rows()).extracting(DailyRow::label).containsExactly("2025-08-02", "2025-08-03");
        assertThat(s.daily(opts).totals().requests()).isEqualTo(3);
        // In Tokyo 2025-08-03T23:30Z is already 08-04: it leaves the range.
        ReportOptions tokyo = new ReportOptions(opts.since(), opts.until(), TOKYO, opts.blockLength(), opts.weekStart(),
                opts.machines());
        assertThat(s.daily(tokyo).totals().requests()).isEqualTo(2);
        assertThat(s.models(opts).totals().requests()).isEqualTo(3);
        assertThat(s.projects(opts).totals().requests()).isEqualTo(3);
    }

    @Test
    void sessionsAreSelectedByLastActivityAndKeepTheirEarlierRecords() {
        String longRunning = "aaaaaaaa-0000-4000-8000-000000000001";
        String older = "bbbbbbbb-0000-4000-8000-000000000002";
        ReportService s = service(
                aRecord().session(longRunning).at("2025-07-30T10:00:00Z").project("-p1", "/p1").build(),
                aRecord().session(longRunning).at("2025-08-02T10:00:00Z").project("-p1", "/p1/sub").build(),
                aRecord().session(longRunning).at("2025-08-02T11:00:00Z").project("-p1", "").build(),
                aRecord().session(older).at("2025-07-31T10:00:00Z").build());

        Report<SessionRow> r = s.sessions(ReportOptionsFixtures.utc().withSince(LocalDate.parse("2025-08-01")));

        assertThat(r.rows()).hasSize(1);
        SessionRow row = r.rows().get(0);
        assertThat(row.sessionId()).isEqualTo(longRunning);
        assertThat(row.usage().requests()).isEqualTo(3);
        assertThat(row.firstActivity()).isEqualTo(Instant.parse("2025-07-30T10:00:00Z"));
        assertThat(row.lastActivity()).isEqualTo(Instant.parse("2025-08-02T11:00:00Z"));
        assertThat(row.projectDir()).isEqualTo("-p1");
        assertThat(row.cwd()).isEqualTo("/p1/sub");
        assertThat(s.sessions(ReportOptionsFixtures.utc()).rows()).extracting(SessionRow::sessionId)
                .containsExactly(older, longRunning);
    }

    @Test
    void projectsAndModelsAreSortedByCostDescending() {
        ReportService s = service(
                aRecord().project("-cheap", "/cheap").model("claude-haiku-4-5-20251001").cost(0.1).build(),
                aRecord().project("-dear", "/dear").model("claude-opus-4-1-20250805").cost(5).build(),
                aRecord().project("-mid", "/mid").cost(1).build());

        assertThat(s.projects(ReportOptionsFixtures.utc()).rows()).extracting(ProjectRow::projectDir)
                .containsExactly("-dear", "-mid", "-cheap");
        assertThat(s.projects(ReportOptionsFixtures.utc()).rows().get(0).cwd()).isEqualTo("/dear");
        assertThat(s.models(ReportOptionsFixtures.utc()).rows()).extracting(ModelRow::model)
                .containsExactly("claude-opus-4-1-20250805", "claude-sonnet-4-20250514",
                        "claude-haiku-4-5-20251001");
    }

    @Test
    void unpricedModelsAreListedInRowsAndTotals() {
        ReportService s = service(aRecord().at("2025-08-01T10:00:00Z").unpriced("unsloth/Qwen3-Coder-Next").build(),
                aRecord().at("2025-08-02T10:00:00Z").build());

        Report<DailyRow> r = s.daily(ReportOptionsFixtures.utc());

        assertThat(r.rows().get(0).usage().unpricedModels()).containsExactly("unsloth/Qwen3-Coder-Next");
        assertThat(r.rows().get(1).usage().unpricedModels()).isEmpty();
        assertThat(r.totals().unpricedModels()).containsExactly("unsloth/Qwen3-Coder-Next");
        assertThat(s.blocks(ReportOptionsFixtures.utc()).totals().unpricedModels())
                .containsExactly("unsloth/Qwen3-Coder-Next");
    }

    @Test
    void syntheticRecordsAreNoRequestsAndNameNoModel() {
        ReportService s = service(aRecord().at("2025-08-01T10:00:00Z").build(),
                aRecord().at("2025-08-01T10:01:00Z").synthetic().build());

        UsageSummary day = s.daily(ReportOptionsFixtures.utc()).rows().get(0).usage();

        assertThat(day.requests()).isEqualTo(1);
        assertThat(day.modelsUsed()).containsExactly("claude-sonnet-4-20250514");
        assertThat(day.breakdowns()).extracting(ModelBreakdown::model).containsExactly("claude-sonnet-4-20250514");
        assertThat(s.models(ReportOptionsFixtures.utc()).rows()).extracting(ModelRow::model)
                .containsExactly("claude-sonnet-4-20250514");
    }

    @Test
    void rowsWithoutTokensAreLeftOutOfEveryReport() {
        // A day, a project and a block of nothing but <synthetic> placeholders (issue 19.3).
        ReportService s = service(aRecord().at("2025-08-01T10:00:00Z").build(),
                aRecord().at("2025-08-02T10:00:00Z").project("-only-placeholders", "/p").synthetic().build());

        ReportOptions all = ReportOptionsFixtures.utc();
        assertThat(s.daily(all).rows()).extracting(DailyRow::label).containsExactly("2025-08-01");
        assertThat(s.weekly(all).rows()).hasSize(1);
        assertThat(s.monthly(all).rows()).hasSize(1);
        assertThat(s.projects(all).rows()).extracting(ProjectRow::projectDir).containsExactly("-home-user-proj");
        assertThat(s.blocks(all).rows()).extracting(BlockRow::id).containsExactly("2025-08-01T10:00:00.000Z");
        assertThat(s.models(all).rows()).extracting(ModelRow::model).containsExactly("claude-sonnet-4-20250514");
    }

    @Test
    void sessionsWithOnlySyntheticRecordsAreLeftOut() {
        ReportService s = service(aRecord().session("only-synthetic").synthetic().build(),
                aRecord().session("real").build());

        assertThat(s.sessions(ReportOptionsFixtures.utc()).rows()).extracting(SessionRow::sessionId)
                .containsExactly("real");
    }

    @Test
    void fastModeResponsesAreLabelledWithFastSuffix() {
        ReportService s = service(aRecord().model("claude-opus-4-6").cost(1).build(),
                aRecord().model("claude-opus-4-6").fast().cost(6).build());

        UsageSummary day = s.daily(ReportOptionsFixtures.utc()).rows().get(0).usage();

        assertThat(day.modelsUsed()).containsExactly("claude-opus-4-6", "claude-opus-4-6-fast");
        assertThat(day.breakdowns()).extracting(ModelBreakdown::model)
                .containsExactly("claude-opus-4-6-fast", "claude-opus-4-6");
        assertThat(s.models(ReportOptionsFixtures.utc()).rows()).extracting(ModelRow::model)
                .containsExactly("claude-opus-4-6-fast", "claude-opus-4-6");
    }

    @Test
    void emptySourceGivesEmptyReportsWithZeroTotals() {
        ReportService s = service();

        for (ReportKind kind : ReportKind.values()) {
            Report<?> r = s.report(kind, ReportOptionsFixtures.utc());
            assertThat(r.rows()).isEmpty();
            assertThat(r.totals().totalTokens()).isZero();
        }
    }
}
