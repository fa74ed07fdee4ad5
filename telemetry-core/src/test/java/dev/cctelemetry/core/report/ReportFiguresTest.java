package dev.cctelemetry.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Counts print with thousands separators exactly as {@code %,d} printed them before they were built by hand. */
class ReportFiguresTest {

    @Property(tries = 2000)
    void countPrintsAsFormatDoes(@ForAll long n) {
        assertThat(ReportFigures.count(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }

    @Example
    void countAtEveryGroupBoundary() {
        for (long n : new long[] {0, 7, -7, 999, 1000, -999, -1000, 99_999, 100_000, 999_999, 1_000_000,
                -1_000_000, 26_997_006, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(ReportFigures.count(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        assertThat(ReportFigures.count(26_997_006)).isEqualTo("26,997,006");
    }
}
