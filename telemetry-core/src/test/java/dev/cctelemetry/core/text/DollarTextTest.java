package dev.cctelemetry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DollarTextTest {

    @Test
    void writesWhatStringFormatWritesForTheSameDollars() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long picos = switch (i % 4) {
                case 0 -> random.nextInt(1_000_000) * 5_000_000_000L; // exact half cents
                case 1 -> (long) (random.nextDouble() * 1e16);
                case 2 -> -(long) (random.nextDouble() * 1e14);
                default -> random.nextLong() >> random.nextInt(64);
            };
            BigDecimal usd = new BigDecimal(picos).movePointLeft(12);
            String expected = String.format(Locale.ROOT, "$%,.2f", usd.abs().setScale(2, RoundingMode.HALF_UP));
            if (picos < 0 && usd.abs().setScale(2, RoundingMode.HALF_UP).signum() != 0) {
                expected = "-" + expected;
            }
            assertThat(DollarText.ofPicos(picos)).as("%d picodollars", picos).isEqualTo(expected);
        }
    }

    @Test
    void examples() {
        assertThat(DollarText.ofPicos(0)).isEqualTo("$0.00");
        assertThat(DollarText.ofPicos(4_999_999_999L)).isEqualTo("$0.00");
        assertThat(DollarText.ofPicos(5_000_000_000L)).isEqualTo("$0.01");
        assertThat(DollarText.ofPicos(1_234_567_800_000_000L)).isEqualTo("$1,234.57");
        assertThat(DollarText.ofPicos(-500_000_000_000L)).isEqualTo("-$0.50");
    }
}
