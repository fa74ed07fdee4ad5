package dev.cctelemetry.core.report;

import dev.cctelemetry.core.query.BlockProjection;
import dev.cctelemetry.core.query.BurnRate;
import static dev.cctelemetry.core.report.RecordBuilder.aRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlocksReportTest {

    private static final Clock LONG_AFTER = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static List<BlockRow> blocks(Clock clock, UsageRecord... records) {
        return new ReportService(ListRecordSource.queries(List.of(records)), clock)
                .blocks(ReportOptionsFixtures.utc()).rows();
    }

    private static Clock at(String iso) {
        return Clock.fixed(Instant.parse(iso), ZoneOffset.UTC);
    }

    @Test
    void blockStartsAtTheUtcHourOfItsFirstRecordAndLastsFiveHours() {
        List<BlockRow> b = blocks(LONG_AFTER, aRecord().at("2025-08-01T10:55:30Z").build(),
                aRecord().at("2025-08-01T12:10:00Z").build());

        assertThat(b).hasSize(1);
        assertThat(b.get(0).id()).isEqualTo("2025-08-01T10:00:00.000Z");
        assertThat(b.get(0).end()).isEqualTo(Instant.parse("2025-08-01T15:00:00Z"));
        assertThat(b.get(0).actualEnd()).contains(Instant.parse("2025-08-01T12:10:00Z"));
        assertThat(b.get(0).usage().requests()).isEqualTo(2);
        assertThat(b.get(0).active()).isFalse();
        assertThat(b.get(0).burnRate()).isEmpty();
    }

    @Test
    void recordExactlyFiveHoursAfterBlockStartStaysInTheBlock() {
        List<BlockRow> b = blocks(LONG_AFTER, aRecord().at("2025-08-01T10:00:00Z").build(),
                aRecord().at("2025-08-01T12:00:00Z").build(),
                aRecord().at("2025-08-01T15:00:00Z").build(),
                aRecord().at("2025-08-01T15:00:00.001Z").build());

        assertThat(b).extracting(BlockRow::id).containsExactly("2025-08-01T10:00:00.000Z", "2025-08-01T15:00:00.000Z");
        assertThat(b.get(0).usage().requests()).isEqualTo(3);
        assertThat(b.get(1).usage().requests()).isEqualTo(1);
    }

    @Test
    void silenceOfExactlyFiveHoursMakesNoGapButLongerDoes() {
        List<BlockRow> exact = blocks(LONG_AFTER, aRecord().at("2025-08-01T10:30:00Z").build(),
                aRecord().at("2025-08-01T15:30:00Z").build());
        assertThat(exact).extracting(BlockRow::id)
                .containsExactly("2025-08-01T10:00:00.000Z", "2025-08-01T15:00:00.000Z");

        List<BlockRow> longer = blocks(LONG_AFTER, aRecord().at("2025-08-01T10:30:00Z").build(),
                aRecord().at("2025-08-01T15:30:00.001Z").build());
        assertThat(longer).extracting(BlockRow::id).containsExactly("2025-08-01T10:00:00.000Z",
                "gap-2025-08-01T15:30:00.000Z", "2025-08-01T15:00:00.000Z");
    }

    @Test
    void gapBlockRunsFromLastRecordPlusFiveHoursToNextRecord() {
        List<BlockRow> b = blocks(LONG_AFTER, aRecord().at("2025-08-01T10:20:00Z").build(),
                aRecord().at("2025-08-02T09:45:00Z").build());

        BlockRow gap = b.get(1);
        assertThat(gap.gap()).isTrue();
        assertThat(gap.id()).isEqualTo("gap-2025-08-01T15:20:00.000Z");
        assertThat(gap.start()).isEqualTo(Instant.parse("2025-08-01T15:20:00Z"));
        assertThat(gap.end()).isEqualTo(Instant.parse("2025-08-02T09:45:00Z"));
        assertThat(gap.actualEnd()).isEmpty();
        assertThat(gap.usage().requests()).isZero();
        assertThat(b.get(2).id()).isEqualTo("2025-08-02T09:00:00.000Z");
    }

    @Test
    void activeBlockHasBurnRateAndProjectionFromTheClock() {
        Clock now = at("2025-08-01T12:00:00Z");
        List<BlockRow> b = blocks(now,
                aRecord().at("2025-08-01T10:30:00Z").tokens(1000, 200, 0, 0, 800).cost(0.3).build(),
                aRecord().at("2025-08-01T11:30:00Z").tokens(2000, 800, 0, 0, 1200).cost(0.6).build());

        BlockRow active = b.get(0);
        assertThat(active.active()).isTrue();
        BurnRate rate = active.burnRate().orElseThrow();
        // 6,000 tokens (4,000 of them input+output) and $0.90 over the 60 minutes between first and last record.
        assertThat(rate.tokensPerMinute()).isCloseTo(100, within(1e-9));
        assertThat(rate.tokensPerMinuteForIndicator()).isCloseTo(4000 / 60.0, within(1e-9));
        assertThat(rate.costPerHour()).isCloseTo(0.9, within(1e-9));
        // 180 minutes remain until 15:00.
        assertThat(active.projection()).contains(new BlockProjection(6000 + 18_000, 3.6, 180));
    }

    @Test
    void blockIsInactiveOnceItsEndPassesOrFiveHoursOfSilence() {
        UsageRecord r1 = aRecord().at("2025-08-01T10:30:00Z").build();
        UsageRecord r2 = aRecord().at("2025-08-01T11:30:00Z").build();

        assertThat(blocks(at("2025-08-01T14:59:59Z"), r1, r2).get(0).active()).isTrue();
        assertThat(blocks(at("2025-08-01T15:00:00Z"), r1, r2).get(0).active()).isFalse();
        // A block whose single record is at 10:00 ends at 15:00; at 14:59 it is still active.
        UsageRecord early = aRecord().at("2025-08-01T10:00:00Z").build();
        assertThat(blocks(at("2025-08-01T14:59:00Z"), early).get(0).active()).isTrue();
        assertThat(blocks(at("2025-08-01T14:59:00Z"), early).get(0).burnRate()).as("one instant: no rate")
                .isEmpty();
    }

    @Test
    void blockLengthIsConfigurable() {
        List<BlockRow> b = new ReportService(ListRecordSource.queries(List.of(aRecord().at("2025-08-01T10:00:00Z")
                .build(), aRecord().at("2025-08-01T12:30:00Z").build())), LONG_AFTER)
                .blocks(ReportOptionsFixtures.utc().withBlockLength(Duration.ofHours(2))).rows();

        assertThat(b).extracting(BlockRow::id).containsExactly("2025-08-01T10:00:00.000Z",
                "gap-2025-08-01T12:00:00.000Z", "2025-08-01T12:00:00.000Z");
        assertThat(b.get(0).end()).isEqualTo(Instant.parse("2025-08-01T12:00:00Z"));
    }

    @Test
    void sinceSelectsBlocksByStartDateWithoutMovingTheirBoundaries() {
        ReportService s = new ReportService(ListRecordSource.queries(List.of(
                aRecord().at("2025-08-01T22:10:00Z").build(),
                aRecord().at("2025-08-02T01:00:00Z").build(),
                aRecord().at("2025-08-02T10:00:00Z").build())), LONG_AFTER);

        List<BlockRow> b = s.blocks(ReportOptionsFixtures.utc().withSince(LocalDate.parse("2025-08-02"))).rows();

        // The 01:00 record belongs to the block that started 08-01 22:00, which the range leaves out.
        assertThat(b).extracting(BlockRow::id).containsExactly("gap-2025-08-02T06:00:00.000Z",
                "2025-08-02T10:00:00.000Z");
        assertThat(b.get(1).usage().requests()).isEqualTo(1);
        assertThat(b.get(1).burnRate()).isEqualTo(Optional.empty());
    }
}
