package dev.cctelemetry.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetAmountTest {

    private static Budget daily(String usd) {
        return new Budget(BudgetPeriod.DAILY, new BigDecimal(usd), Optional.empty(), BudgetScope.THIS_MACHINE,
                DayOfWeek.MONDAY);
    }

    @Test
    void everyBudgetThatCanBeSetCanBeReadInPicodollars() {
        assertThat(daily(Budget.MAX_AMOUNT.toPlainString()).amountPicos())
                .isEqualTo(Budget.MAX_AMOUNT.movePointRight(12).longValueExact());
        assertThat(daily("0.01").amountPicos()).isEqualTo(10_000_000_000L);
    }

    @Test
    void aBudgetTooLargeToSumInPicodollarsIsRefusedWhenSetNotWhenChecked() {
        assertThatThrownBy(() -> daily("9500000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most $9000000");
        assertThatThrownBy(() -> daily("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> daily("1.005")).hasMessageContaining("two decimals");
    }
}
