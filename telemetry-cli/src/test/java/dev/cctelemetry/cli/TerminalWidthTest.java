package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.report.ReportFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.1: where the table width comes from. The terminal's own width (stty, when stdout is a terminal) was
 * checked by hand in a 72-column tmux pane; here the test's stdout is a pipe, as a report piped to a file is.
 */
class TerminalWidthTest {

    @Test
    void columnsWinsWhenItIsAPositiveNumber() {
        assertThat(TerminalWidth.of(Map.of("COLUMNS", "72"), false)).isEqualTo(72);
        assertThat(TerminalWidth.of(Map.of("COLUMNS", " 200 "), true)).isEqualTo(200);
    }

    @Test
    void withoutUsableColumnsAndNoTerminalEveryColumnFits() {
        for (String bad : new String[] {"", "abc", "0", "-5", "99999999999"}) {
            assertThat(TerminalWidth.of(Map.of("COLUMNS", bad), false)).as(bad).isEqualTo(ReportFormat.DEFAULT_WIDTH);
        }
        assertThat(TerminalWidth.of(Map.of(), false)).isEqualTo(ReportFormat.DEFAULT_WIDTH);
        assertThat(TerminalWidth.of(Map.of(), true)).isEqualTo(ReportFormat.DEFAULT_WIDTH);
    }
}
