package dev.cctelemetry.core.report;

import static dev.cctelemetry.core.report.RecordBuilder.aRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableRendererTest {

    private static final String SESSION = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private final ReportTableRenderer renderer = new ReportTableRenderer();

    private static ReportService service(Clock clock, UsageRecord... records) {
        return new ReportService(ListRecordSource.queries(List.of(records)), clock);
    }

    private static ReportService service(UsageRecord... records) {
        return service(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), records);
    }

    @Test
    void dailyTableShowsSeparatorsDollarsAndTotals() {
        String text = renderer.render(service(
                aRecord().at("2025-08-01T10:00:00Z").tokens(1_234_567, 89_012, 3_456_789, 1_000, 1_234_567_890)
                        .cost(1234.5612).build(),
                aRecord().at("2025-08-02T10:00:00Z").cost(0.004).build()).daily(ReportOptionsFixtures.utc()));

        assertThat(text).contains("2025-08-01", "2025-08-02", "1,234,567", "3,457,789", "1,234,567,890",
                "$1,234.56", "$0.00");
        assertThat(text.lines().filter(l -> l.startsWith("Total"))).singleElement().asString()
                .contains("$1,234.57").contains("1,234,569,890").contains("1,239,352,408");
        assertThat(text).doesNotContain("Note:");
    }

    @Test
    void linesStayNarrowerThan160ColumnsEvenWithHugeNumbers() {
        ReportService s = service(aRecord().session(SESSION)
                .project("-Users-someone-Documents-code-a-rather-long-project-name", "/Users/someone/Documents/"
                        + "code/a-rather-long-project-name")
                .tokens(999_999_999, 99_999_999, 999_999_999, 999_999_999, 9_999_999_999L).cost(99_999.99).build());

        for (ReportKind kind : ReportKind.values()) {
            String text = renderer.render(s.report(kind, ReportOptionsFixtures.utc()));
            assertThat(text.lines()).as(kind.name()).allSatisfy(l -> assertThat(l.length()).isLessThan(160));
        }
    }

    @Test
    void sessionTableShowsTheFullSessionId() {
        String text = renderer.render(service(aRecord().session(SESSION).build()).sessions(ReportOptionsFixtures
                .utc()));

        assertThat(text).contains(SESSION).contains("/home/user/proj");
    }

    @Test
    void unpricedModelsGetANote() {
        String text = renderer.render(service(aRecord().unpriced("unsloth/Qwen3-Coder-Next").build())
                .models(ReportOptionsFixtures.utc()));

        assertThat(text).contains("Note: no price is known for unsloth/Qwen3-Coder-Next; its usage is counted at"
                + " $0.00");
    }

    @Test
    void theNoteOnTwoUnpricedModelsSpeaksOfTheirUsage() {
        String text = renderer.render(service(aRecord().unpriced("unsloth/Qwen3-Coder-Next").build(),
                aRecord().unpriced("local/llama").build())
                .models(ReportOptionsFixtures.utc()));

        assertThat(text).contains("; their usage is counted at $0.00");
    }

    /** Issue 19.4: $54.73 against ccusage's $54.61 needs a reason on screen. */
    @Test
    void costsFromClaudeCodesCostStateGetANoteNamingTheModels() {
        ReportService s = service(aRecord().pricedByCostState("glm-4.6", 0.12).build(), aRecord().build());

        for (ReportKind kind : ReportKind.values()) {
            assertThat(renderer.render(s.report(kind, ReportOptionsFixtures.utc()))).as(kind.name())
                    .contains("Note: the cost of glm-4.6 is Claude Code's own figure (its cost-state)");
        }
        assertThat(renderer.render(service(aRecord().build()).daily(ReportOptionsFixtures.utc())))
                .doesNotContain("cost-state");
    }

    /** Issue 18.4: a hostile model id or cwd (from a transcript, or from another machine's pushed records). */
    @Test
    void controlCharactersFromTheDataAreShownEscapedInEveryTableAndTheNote() {
        String hostile = "\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e";
        ReportService s = service(
                aRecord().session(SESSION).model("claude-x" + hostile).project("-p", "/w/a\nb\rc\u007f").build(),
                aRecord().session(SESSION).unpriced("evil" + hostile).build());

        for (ReportKind kind : ReportKind.values()) {
            String text = renderer.render(s.report(kind, ReportOptionsFixtures.utc()));
            assertThat(text.chars().filter(c -> c != '\n' && TerminalTextProbe.unsafe((char) c)))
                    .as(kind.name()).isEmpty();
            assertThat(text).as(kind.name()).contains("\\x1b]0;owned\\x07\\x1b[2J\\u009b31m\\u202e");
        }
        String projects = renderer.render(s.projects(ReportOptionsFixtures.utc()));
        assertThat(projects).contains("/w/a\\nb\\rc\\x7f");
        assertThat(projects.lines().filter(l -> l.startsWith("Total"))).hasSize(1);
    }

    @Test
    void activeBlockIsMarkedAndGapsAreShown() {
        Clock now = Clock.fixed(Instant.parse("2025-08-02T12:00:00Z"), ZoneOffset.UTC);
        String text = renderer.render(service(now, aRecord().at("2025-08-01T10:00:00Z").build(),
                aRecord().at("2025-08-02T10:30:00Z").build(), aRecord().at("2025-08-02T11:30:00Z").build())
                .blocks(ReportOptionsFixtures.utc()));

        assertThat(text).contains("(19h 30m gap)").contains("ACTIVE, 3h 0m left")
                .contains("Active block ends 2025-08-02 15:00");
        assertThat(text.lines().filter(l -> l.contains("ACTIVE"))).singleElement().asString()
                .startsWith("2025-08-02 10:00");
    }

    @Test
    void emptyReportSaysSo() {
        assertThat(renderer.render(service().daily(ReportOptionsFixtures.utc()))).contains("No usage recorded");
    }

    @Test
    void shortModelNamesDropVendorPrefixAndDate() {
        assertThat(ReportFigures.shortModel("claude-sonnet-4-20250514")).isEqualTo("sonnet-4");
        assertThat(ReportFigures.shortModel("claude-opus-4-6-fast")).isEqualTo("opus-4-6-fast");
        assertThat(ReportFigures.shortModel("claude-opus-4-1-20250805-fast")).isEqualTo("opus-4-1-fast");
        assertThat(ReportFigures.shortModel("unsloth/Qwen3-Coder-Next")).isEqualTo("unsloth/Qwen3-Coder-Next");
    }
}
