package dev.cctelemetry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void cellsASpreadsheetWouldEvaluateGetALeadingQuote() {
        assertThat(CsvCell.of("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvCell.of("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCell.of("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(CsvCell.of("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvCell.of("@SUM(1,2)")).isEqualTo("\"'@SUM(1,2)\"");
        assertThat(CsvCell.of("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCell.of("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void ordinaryValuesStayAsTheyAreOrReadable() {
        assertThat(CsvCell.of("claude-sonnet-4-5-20250929")).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(CsvCell.of("/home/me/code/repo")).isEqualTo("/home/me/code/repo");
        assertThat(CsvCell.of("0.0001234500")).isEqualTo("0.0001234500");
        assertThat(CsvCell.of("-12.5")).isEqualTo("-12.5");
        assertThat(CsvCell.of("")).isEmpty();
        assertThat(CsvCell.of("-home-me-code-repo")).isEqualTo("'-home-me-code-repo");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvCell.of("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCell.of("a;=1+2")).isEqualTo("\"a;=1+2\"");
        assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCell.of("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
