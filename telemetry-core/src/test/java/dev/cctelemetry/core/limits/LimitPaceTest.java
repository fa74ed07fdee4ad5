package dev.cctelemetry.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitPaceTest {

    private static final Instant WEEK_RESET = Instant.parse("2026-12-10T08:00:00Z"); // began 2026-12-03T08:00Z

    @Test
    void aWeekFillingFastReachesFullBeforeItResets() {
        // 50 % after 2 of 7 days: 100 % after 4 days, on 2026-12-07T08:00Z
        LimitPeriod p = weekly(reading(LimitWindow.SEVEN_DAY, 50, WEEK_RESET, "2026-12-05T08:00:00Z"));

        LimitPace pace = LimitPace.of(p, Instant.parse("2026-12-05T08:00:00Z")).orElseThrow();

        assertThat(pace.reachesFullAt()).contains(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(pace.atReset()).isEmpty();
    }

    @Test
    void aWeekFillingSlowlyEndsBelowFullAndSaysWhere() {
        // 10 % after 3.5 days: 20 % at the reset
        LimitPeriod p = weekly(reading(LimitWindow.SEVEN_DAY, 10, WEEK_RESET, "2026-12-06T20:00:00Z"));

        LimitPace pace = LimitPace.of(p, Instant.parse("2026-12-06T20:00:00Z")).orElseThrow();

        assertThat(pace.reachesFullAt()).isEmpty();
        assertThat(pace.atReset().orElseThrow()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noPaceWhenFullUnusedOrOver() {
        Instant seen = Instant.parse("2026-12-06T20:00:00Z");
        assertThat(LimitPace.of(weekly(reading(LimitWindow.SEVEN_DAY, 100, WEEK_RESET, seen.toString())), seen))
                .isEmpty();
        assertThat(LimitPace.of(weekly(reading(LimitWindow.SEVEN_DAY, 0, WEEK_RESET, seen.toString())), seen))
                .isEmpty();
        assertThat(LimitPace.of(weekly(reading(LimitWindow.SEVEN_DAY, 30, WEEK_RESET, seen.toString())), WEEK_RESET))
                .isEmpty();
    }

    @Test
    void aWindowOfUnknownLengthIsPacedBetweenItsFirstAndLatestReading() {
        LimitWindow spend = new LimitWindow("spend_limit");
        Instant reset = Instant.parse("2026-12-31T00:00:00Z");
        LimitPeriod p = LimitPeriods.of(spend, List.of(
                reading(spend, 10, reset, "2026-12-01T00:00:00Z"),
                reading(spend, 20, reset, "2026-12-02T00:00:00Z"))).get(0);

        LimitPace pace = LimitPace.of(p, Instant.parse("2026-12-02T00:00:00Z")).orElseThrow();

        // 10 points a day from 20 % on 12-02: 100 % eight days later
        assertThat(pace.reachesFullAt()).contains(Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(LimitPace.of(LimitPeriods.of(spend, List.of(reading(spend, 10, reset, "2026-12-01T00:00:00Z")))
                .get(0), Instant.parse("2026-12-02T00:00:00Z"))).isEqualTo(Optional.empty());
    }

    private static LimitPeriod weekly(PlanLimitReading r) {
        return LimitPeriods.of(r.window(), List.of(r)).get(0);
    }

    private static PlanLimitReading reading(LimitWindow w, double used, Instant reset, String seen) {
        return new PlanLimitReading(new LimitLevel(w, used, reset), Instant.parse(seen), "s");
    }
}
