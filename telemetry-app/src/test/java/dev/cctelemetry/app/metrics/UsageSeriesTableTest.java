package dev.cctelemetry.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The label sets: machine x model x project, projects bounded to the most expensive few. */
class UsageSeriesTableTest {

    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String OPUS = "claude-opus-4-1-20250805";

    private final List<UsageRecord> laptop = new ArrayList<>();
    private int n;

    private void add(List<UsageRecord> machine, String project, String model, long input, double cost) {
        n++;
        machine.add(new UsageRecord(new UsageKey("msg_" + n, "req_" + n), "session-" + project, project, "/w/"
                + project, Instant.parse("2026-01-01T10:00:00Z").plusSeconds(n), model,
                new TokenCounts(input, 10, 1, 2, 100), "", "", "", false, "", true, "", "", 0, cost,
                CostSource.PRICE_TABLE));
    }

    private List<UsageSeries> table(int top) {
        return UsageSeriesTable.of(new RecordStreamQueries((f, a) -> laptop.forEach(a), "id-l", "laptop"), top);
    }

    @Test
    void projectsOutsideTheTopOnesShareTheOtherLabelAndNothingIsLost() {
        add(laptop, "-w-alpha", SONNET, 100, 5.0);
        add(laptop, "-w-beta", OPUS, 200, 1.0);
        add(laptop, "-w-beta", OPUS, 300, 1.5);
        add(laptop, "-w-beta", SONNET, 400, 10.0);
        add(laptop, "-w-gamma", SONNET, 500, 0.5);
        add(laptop, "-w-delta", SONNET, 600, 0.25);

        // beta ($12.50 over two models) is the most expensive project; alpha, gamma and delta become "other".
        List<UsageSeries> top1 = table(1);
        assertThat(top1).extracting(UsageSeries::machine, UsageSeries::model, UsageSeries::project,
                s -> s.tokens().input(), UsageSeries::requests, UsageSeries::costPicos).containsExactly(
                tuple("laptop", OPUS, "-w-beta", 500L, 2L, 2_500_000_000_000L),
                tuple("laptop", SONNET, "-w-beta", 400L, 1L, 10_000_000_000_000L),
                tuple("laptop", SONNET, "other", 1_200L, 3L, 5_750_000_000_000L));
        assertThat(top1.stream().mapToLong(s -> s.tokens().cacheRead()).sum()).isEqualTo(600);
        assertThat(top1.stream().mapToLong(s -> s.tokens().cacheWrite1h()).sum()).isEqualTo(12);

        assertThat(table(10)).extracting(UsageSeries::project).doesNotContain(UsageMetrics.OTHER_PROJECTS)
                .contains("-w-alpha", "-w-beta", "-w-gamma", "-w-delta");
        assertThat(table(0)).extracting(UsageSeries::project).containsOnly(UsageMetrics.OTHER_PROJECTS);
    }

    @Test
    void recordsWithoutTokensAreNoRequests() {
        add(laptop, "-w-alpha", SONNET, 100, 1.0);
        laptop.add(new UsageRecord(new UsageKey("msg_s", "req_s"), "s", "-w-alpha", "", Instant.parse(
                "2026-01-01T11:00:00Z"), UsageRecord.SYNTHETIC_MODEL, TokenCounts.ZERO, "", "", "", false, "", true,
                "", "", 0, 0, CostSource.UNPRICED));

        assertThat(table(5)).extracting(UsageSeries::model, UsageSeries::requests).containsExactly(tuple(SONNET, 1L));
    }
}
