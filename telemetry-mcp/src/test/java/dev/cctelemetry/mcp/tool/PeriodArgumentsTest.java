package dev.cctelemetry.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cctelemetry.testing.FakeTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the period arguments mean in the user's zone, and how bad ones are refused. */
class PeriodArgumentsTest {

    /** Sunday 2026-12-06 23:30 UTC is already Monday 2026-12-07 in Auckland (UTC+13). */
    private final FakeTime clock = new FakeTime(Instant.parse("2026-12-06T23:30:00Z"));
    private final PeriodArguments auckland = new PeriodArguments(clock, new UserZone(ZoneId.of("Pacific/Auckland")));
    private final PeriodArguments utc = new PeriodArguments(clock, new UserZone(ZoneId.of("UTC")));

    @Test
    void todayAndThisWeekFollowTheUsersCalendar() {
        LocalPeriod today = auckland.read(args(Map.of()), PeriodName.TODAY);
        LocalPeriod week = auckland.read(args(Map.of("period", "this_week")), PeriodName.TODAY);
        LocalPeriod utcWeek = utc.read(args(Map.of("period", "this_week")), PeriodName.TODAY);

        assertThat(today.since()).contains(LocalDate.parse("2026-12-07"));
        assertThat(today.filter().from()).contains(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(today.filter().until()).contains(Instant.parse("2026-12-07T11:00:00Z"));
        // Weeks start on Sunday, as report weekly's do.
        assertThat(week.since()).contains(LocalDate.parse("2026-12-06"));
        assertThat(week.until()).contains(LocalDate.parse("2026-12-12"));
        assertThat(utcWeek.since()).contains(LocalDate.parse("2026-12-06"));
    }

    @Test
    void lastDaysMonthsAndRanges() {
        LocalPeriod lastDays = utc.read(args(Map.of("period", "last_days", "days", 3)), PeriodName.TODAY);
        LocalPeriod lastMonth = utc.read(args(Map.of("period", "LAST_MONTH")), PeriodName.TODAY);
        LocalPeriod openRange = utc.read(args(Map.of("period", "range", "since", "2026-01-15")), PeriodName.TODAY);

        assertThat(lastDays.since()).contains(LocalDate.parse("2026-12-04"));
        assertThat(lastDays.until()).contains(LocalDate.parse("2026-12-06"));
        assertThat(lastDays.describe()).isEqualTo("the last 3 days (2026-12-04 to 2026-12-06)");
        assertThat(lastMonth.since()).contains(LocalDate.parse("2026-11-01"));
        assertThat(lastMonth.until()).contains(LocalDate.parse("2026-11-30"));
        assertThat(openRange.until()).isEqualTo(Optional.empty());
        assertThat(openRange.filter().until()).isEmpty();
    }

    @Test
    void badArgumentsNameTheArgumentAndWhatItTakes() {
        assertThatThrownBy(() -> utc.read(args(Map.of("period", "fortnight")), PeriodName.TODAY))
                .isInstanceOf(ToolInputException.class).hasMessageContaining("period must be one of today,");
        assertThatThrownBy(() -> utc.read(args(Map.of("period", "last_days", "days", 0)), PeriodName.TODAY))
                .hasMessage("days must be between 1 and 3660, got 0");
        assertThatThrownBy(() -> utc.read(args(Map.of("period", "last_days", "days", 2.5)), PeriodName.TODAY))
                .hasMessage("days must be a whole number, got 2.5");
        assertThatThrownBy(() -> utc.read(args(Map.of("period", "range", "since", "12/01/2026")), PeriodName.TODAY))
                .hasMessage("since must be a date as YYYY-MM-DD, got 12/01/2026");
        assertThatThrownBy(() -> utc.read(args(Map.of("period", "range", "since", "2026-12-02",
                "until", "2026-12-01")), PeriodName.TODAY)).hasMessage("since 2026-12-02 is after until 2026-12-01");
        assertThatThrownBy(() -> utc.read(args(Map.of("period", "range")), PeriodName.TODAY))
                .hasMessageContaining("needs since and/or until");
    }

    private static ToolArguments args(Map<String, Object> values) {
        return new ToolArguments(values);
    }
}
