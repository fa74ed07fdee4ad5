package dev.cctelemetry.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetCalendarTest {

    @Test
    void aDayIsTheZonesCalendarDayAcrossDaylightSavingChanges() {
        BudgetCalendar berlin = new BudgetCalendar(ZoneId.of("Europe/Berlin"));
        // 2026-10-25: clocks go back at 03:00 local, the day lasts 25 hours
        BudgetCalendar.Window w = berlin.current(budget(BudgetPeriod.DAILY, DayOfWeek.MONDAY),
                Instant.parse("2026-10-25T12:00:00Z"));

        assertThat(w.start()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(w.from()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(Duration.between(w.from(), w.until())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void theSameInstantIsAnotherDayInAnotherZoneIncludingHalfAndQuarterHourOffsets() {
        Instant t = Instant.parse("2026-12-07T20:00:00Z");
        Budget daily = budget(BudgetPeriod.DAILY, DayOfWeek.MONDAY);

        assertThat(new BudgetCalendar(ZoneId.of("UTC")).current(daily, t).start()).isEqualTo("2026-12-07");
        assertThat(new BudgetCalendar(ZoneId.of("Asia/Kathmandu")).current(daily, t).start())
                .isEqualTo("2026-12-08"); // +05:45
        assertThat(new BudgetCalendar(ZoneId.of("Asia/Kathmandu")).current(daily, t).from())
                .isEqualTo(Instant.parse("2026-12-07T18:15:00Z"));
        assertThat(new BudgetCalendar(ZoneId.of("America/St_Johns")).current(daily, t).start())
                .isEqualTo("2026-12-07"); // -03:30
    }

    @Test
    void weeksStartOnTheBudgetsDayAndMonthsOnTheFirst() {
        BudgetCalendar utc = new BudgetCalendar(ZoneId.of("UTC"));
        Instant wednesday = Instant.parse("2026-12-09T10:00:00Z");

        assertThat(utc.current(budget(BudgetPeriod.WEEKLY, DayOfWeek.MONDAY), wednesday).start())
                .isEqualTo("2026-12-07");
        assertThat(utc.current(budget(BudgetPeriod.WEEKLY, DayOfWeek.SUNDAY), wednesday).start())
                .isEqualTo("2026-12-06");
        assertThat(utc.current(budget(BudgetPeriod.WEEKLY, DayOfWeek.WEDNESDAY), wednesday).until())
                .isEqualTo(Instant.parse("2026-12-16T00:00:00Z"));
        BudgetCalendar.Window month = utc.current(budget(BudgetPeriod.MONTHLY, DayOfWeek.MONDAY),
                Instant.parse("2026-02-28T23:59:59Z"));
        assertThat(month.start()).isEqualTo("2026-02-01");
        assertThat(month.until()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void budgetsAreCheckedAndNamed() {
        assertThatThrownBy(() -> new Budget(BudgetPeriod.DAILY, BigDecimal.ZERO, Optional.empty(),
                BudgetScope.THIS_MACHINE, DayOfWeek.MONDAY)).hasMessageContaining("more than $0");
        assertThatThrownBy(() -> new Budget(BudgetPeriod.DAILY, new BigDecimal("1.234"), Optional.empty(),
                BudgetScope.THIS_MACHINE, DayOfWeek.MONDAY)).hasMessageContaining("two decimals");
        Budget b = new Budget(BudgetPeriod.WEEKLY, new BigDecimal("1200.5"), Optional.of("-home-me-x"),
                BudgetScope.ALL_MACHINES, DayOfWeek.SUNDAY);
        assertThat(b.describe()).isEqualTo("$1,200.50 per week for -home-me-x (all machines)");
        assertThat(b.amountPicos()).isEqualTo(1_200_500_000_000_000L);
        assertThat(b.targetKey()).isEqualTo("weekly@7|-home-me-x|all");
        assertThat(b.sameTarget(new Budget(BudgetPeriod.WEEKLY, BigDecimal.TEN, Optional.of("-home-me-x"),
                BudgetScope.ALL_MACHINES, DayOfWeek.SUNDAY))).isTrue();
        assertThat(b.sameTarget(new Budget(BudgetPeriod.WEEKLY, BigDecimal.TEN, Optional.of("-home-me-x"),
                BudgetScope.ALL_MACHINES, DayOfWeek.MONDAY))).isFalse();
    }

    private static Budget budget(BudgetPeriod period, DayOfWeek weekStart) {
        return new Budget(period, BigDecimal.TEN, Optional.empty(), BudgetScope.THIS_MACHINE, weekStart);
    }
}
