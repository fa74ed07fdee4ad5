package dev.cctelemetry.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void groupedIsFormattersThousands() {
        Random random = new Random(5);
        long[] edges = {0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE, 116_907};
        for (long n : edges) {
            assertThat(Figures.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        for (int i = 0; i < 20_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertThat(Figures.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void fixedIsFormattersRounding() {
        Random random = new Random(7);
        double[] edges = {0, -0.0, 0.125, 0.045, 1.005, 2.5, 0.05, 9.995, 1e20, 1e-20, -3.75, 123456.789,
            Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int decimals = 0; decimals <= 3; decimals++) {
            for (double v : edges) {
                assertThat(Figures.fixed(v, decimals)).as("%s %d", v, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
            }
            for (int i = 0; i < 20_000; i++) {
                double v = switch (i % 4) {
                    case 0 -> random.nextInt(100_000) / 1000.0; // elapsed seconds from milliseconds
                    case 1 -> random.nextLong() / 1024.0 / 1024.0 / (1L << random.nextInt(40)); // sizes
                    case 2 -> random.nextInt(10_000) / 8.0; // halves and quarters: the ties
                    default -> Double.longBitsToDouble(random.nextLong());
                };
                assertThat(Figures.fixed(v, decimals)).as("%s %d", v, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
            }
        }
    }
}
