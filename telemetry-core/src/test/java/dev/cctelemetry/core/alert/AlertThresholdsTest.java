package dev.cctelemetry.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.budget.Budget;
import dev.cctelemetry.core.budget.BudgetPeriod;
import dev.cctelemetry.core.budget.BudgetScope;
import dev.cctelemetry.core.budget.BudgetStatus;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Budget thresholds over the whole range of amounts a budget may have. */
class AlertThresholdsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");

    @Test
    void aLargeBudgetIsNotExceededWithNothingSpent() {
        // 100 x $100,000 in picodollars is past a long: before the fix this was "Budget exceeded" at $0.00 (found
        // by bench/hook-alerts.sh, whose never-crossed budget was $100,000).
        assertThat(AlertThresholds.budgets(List.of(status("100000", 0)), NOW)).isEmpty();
        assertThat(AlertThresholds.budgets(List.of(status("9000000", 0)), NOW)).isEmpty();
    }

    @Test
    void aLargeBudgetCrossesEachThresholdAtItsAmount() {
        assertThat(titles(status("100000", 49_999))).isEmpty();
        assertThat(titles(status("100000", 50_000))).containsExactly("Budget 50 % used");
        assertThat(titles(status("100000", 99_999))).containsExactly("Budget 50 % used", "Budget 80 % used");
        assertThat(titles(status("100000", 100_000)))
                .containsExactly("Budget 50 % used", "Budget 80 % used", "Budget exceeded");
        assertThat(titles(status("9000000", 9_000_000))).hasSize(3);
        assertThat(titles(status("1.00", 0))).isEmpty();
    }

    private static List<String> titles(BudgetStatus s) {
        return AlertThresholds.budgets(List.of(s), NOW).stream().map(Alert::title).toList();
    }

    private static BudgetStatus status(String amountUsd, long spentDollars) {
        Budget b = new Budget(BudgetPeriod.DAILY, new BigDecimal(amountUsd), Optional.empty(),
                BudgetScope.THIS_MACHINE, DayOfWeek.MONDAY);
        Instant from = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new BudgetStatus(b, DAY, from, from.plus(Duration.ofDays(1)), spentDollars * 1_000_000_000_000L);
    }
}
