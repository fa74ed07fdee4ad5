package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private final LineDiff diff = new LineDiff();

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line" + i + "\n").collect(Collectors.joining());
    }

    @Test
    void equalTextsGiveNoDiff() {
        assertThat(diff.diff("f", "a\nb\n", "a\r\nb\r\n")).isEmpty();
    }

    @Test
    void changeShowsThreeLinesOfContextAroundIt() {
        String before = numbered(1, 10);
        String after = before.replace("line5\n", "line5 changed\n");

        assertThat(diff.diff("f", before, after)).isEqualTo("""
                --- f
                +++ f
                @@ -2,7 +2,7 @@
                 line2
                 line3
                 line4
                -line5
                +line5 changed
                 line6
                 line7
                 line8
                """);
    }

    @Test
    void distantChangesBecomeSeparateHunks() {
        String before = numbered(1, 20);
        String after = before.replace("line2\n", "").replace("line18\n", "line18\nnew\n");

        assertThat(diff.diff("f", before, after)).isEqualTo("""
                --- f
                +++ f
                @@ -1,5 +1,4 @@
                 line1
                -line2
                 line3
                 line4
                 line5
                @@ -16,5 +15,6 @@
                 line16
                 line17
                 line18
                +new
                 line19
                 line20
                """);
    }

    @Test
    void insertionIntoEmptyTextStartsAtLineZero() {
        assertThat(diff.diff("f", "", "{}\n")).isEqualTo("--- f\n+++ f\n@@ -0,0 +1,1 @@\n+{}\n");
    }

    @Test
    void textAboveTheLimitGetsOneLineSayingSoInsteadOfADiff() {
        String huge = numbered(1, 200_000);

        String shown = diff.diff("/h/.claude/settings.json", huge, huge + "line x\n");

        assertThat(huge.length()).isGreaterThan(LineDiff.MAX_CHARS);
        assertThat(shown).isEqualTo("(no line-by-line diff: /h/.claude/settings.json has " + String.format("%,d",
                huge.length() + 7) + " characters, more than the 1,048,576 a diff is shown for)\n");
    }

    @Test
    void aLargeChangeJustUnderTheLimitIsStillShownWhole() {
        String before = numbered(1, 60_000);
        String after = numbered(60_001, 120_000);

        String shown = diff.diff("f", before, after);

        assertThat(shown.lines().filter(l -> l.startsWith("-line")).count()).isEqualTo(60_000);
        assertThat(shown.lines().filter(l -> l.startsWith("+line")).count()).isEqualTo(60_000);
    }
}
