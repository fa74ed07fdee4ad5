package dev.cctelemetry.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitPeriodsTest {

    private static final Instant RESET_1 = Instant.parse("2026-12-07T15:00:00Z");
    private static final Instant RESET_2 = Instant.parse("2026-12-07T20:00:00Z");

    @Test
    void readingsSplitAtEachResetAndPeaksAndFullTimesArePerPeriod() {
        List<PlanLimitReading> readings = List.of(
                reading(40, RESET_1, "2026-12-07T11:00:00Z"),
                reading(100, RESET_1, "2026-12-07T13:00:00Z"),
                reading(100, RESET_1.plusSeconds(30), "2026-12-07T13:30:00Z"), // rounding of the same reset
                reading(5, RESET_2, "2026-12-07T15:30:00Z"),
                reading(12, RESET_2, "2026-12-07T16:00:00Z"));

        List<LimitPeriod> periods = LimitPeriods.of(LimitWindow.FIVE_HOUR, readings);

        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).resetsAt()).isEqualTo(RESET_1);
        assertThat(periods.get(0).readings()).hasSize(3);
        assertThat(periods.get(0).peak()).isEqualTo(100);
        assertThat(periods.get(0).reachedFullAt()).contains(Instant.parse("2026-12-07T13:00:00Z"));
        assertThat(periods.get(1).peak()).isEqualTo(12);
        assertThat(periods.get(1).reachedFullAt()).isEmpty();
        assertThat(periods.get(1).isCurrentAt(Instant.parse("2026-12-07T19:59:59Z"))).isTrue();
        assertThat(periods.get(1).isCurrentAt(RESET_2)).isFalse();
    }

    @Test
    void aReadingSeenAfterTheResetStartsANewPeriodEvenWithTheSameResetTime() {
        List<LimitPeriod> periods = LimitPeriods.of(LimitWindow.FIVE_HOUR, List.of(
                reading(40, RESET_1, "2026-12-07T11:00:00Z"),
                reading(40, RESET_1, "2026-12-07T15:00:00Z")));

        assertThat(periods).hasSize(2);
    }

    @Test
    void otherWindowsReadingsAreIgnored() {
        PlanLimitReading weekly = new PlanLimitReading(new LimitLevel(LimitWindow.SEVEN_DAY, 1, RESET_2),
                Instant.parse("2026-12-07T11:00:00Z"), "s");

        assertThat(LimitPeriods.of(LimitWindow.FIVE_HOUR, List.of(weekly))).isEmpty();
    }

    static PlanLimitReading reading(double used, Instant reset, String seen) {
        return new PlanLimitReading(new LimitLevel(LimitWindow.FIVE_HOUR, used, reset), Instant.parse(seen), "s");
    }
}
