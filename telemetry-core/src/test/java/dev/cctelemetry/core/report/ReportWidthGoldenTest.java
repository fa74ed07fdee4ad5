package dev.cctelemetry.core.report;

import static dev.cctelemetry.core.report.RecordBuilder.aRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19.1: tables follow the terminal's width. Every report at 60, 80, 120 and 200 columns against golden
 * files ({@code src/test/resources/golden/report/KIND-WIDTH.txt}; {@code -Dgolden.update=true} rewrites them after
 * a deliberate change, to be read in the diff), and the rule the goldens show: no line wider than the terminal,
 * every column at 200, ccusage's compact layout at 60.
 */
class ReportWidthGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/report");
    private static final List<Integer> WIDTHS = List.of(60, 80, 120, 200);
    private static final String A = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private static final String B = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
    private static final String C = "c0ffee00-1234-4abc-8def-0123456789ab";

    /** Three sessions over five weeks: several models a day, a long path, an unpriced model, a cost-state one. */
    private static final ReportService REPORTS = new ReportService(ListRecordSource.queries(List.of(
            aRecord().session(A).project("-Users-someone-Documents-code-a-rather-long-project-name",
                    "/Users/someone/Documents/code/a-rather-long-project-name").at("2026-03-02T09:10:00Z")
                    .tokens(1_234, 56_789, 345_678, 0, 12_345_678).cost(12.3456).build(),
            aRecord().session(A).project("-Users-someone-Documents-code-a-rather-long-project-name",
                    "/Users/someone/Documents/code/a-rather-long-project-name").at("2026-03-02T11:40:00Z")
                    .model("claude-opus-4-1-20250805").tokens(321, 9_876, 54_321, 1_000, 2_468_024).cost(8.75)
                    .build(),
            aRecord().session(B).project("-home-dev-api", "/home/dev/api").at("2026-03-03T14:00:00Z")
                    .model("claude-haiku-4-5-20251001").tokens(4_000, 1_500, 20_000, 0, 300_000).cost(0.21).build(),
            aRecord().session(B).project("-home-dev-api", "/home/dev/api").at("2026-03-03T14:05:00Z")
                    .model("claude-opus-4-1-20250805").fast().tokens(900, 2_000, 10_000, 0, 90_000).cost(3.1)
                    .build(),
            aRecord().session(B).project("-home-dev-api", "/home/dev/api").at("2026-03-03T15:30:00Z")
                    .model("claude-sonnet-4-5-20250929").tokens(77, 8_000, 12_000, 0, 700_000).cost(0.52).build(),
            aRecord().session(C).project("-srv-tools", "/srv/tools").at("2026-03-09T08:00:00Z")
                    .unpriced("unsloth/Qwen3-Coder-Next").tokens(15_000, 3_000, 0, 0, 0).build(),
            aRecord().session(C).project("-srv-tools", "/srv/tools").at("2026-03-09T08:30:00Z")
                    .pricedByCostState("glm-4.6", 0.42).tokens(2_000, 1_000, 0, 0, 50_000).build(),
            aRecord().session(A).project("-Users-someone-Documents-code-a-rather-long-project-name",
                    "/Users/someone/Documents/code/a-rather-long-project-name").at("2026-04-01T10:00:00Z")
                    .tokens(10, 4_321, 23_456, 0, 987_654).cost(0.61).build())),
            Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC));

    /** Issue 19.1, the machines report: two machines, one that never pushed. */
    @ParameterizedTest(name = "machines at {0} columns")
    @MethodSource("widths")
    void machinesTableMatchesItsGoldenFileAndFitsTheWidth(int width) throws IOException {
        MachineReport report = new MachineReport()
                .machine("3f2a1b4c-0000-4000-8000-000000000001", "laptop-of-someone",
                        java.util.Optional.of(Instant.parse("2026-04-01T11:00:00Z")))
                .machine("9e8d7c6b-0000-4000-8000-000000000002", "build-server", java.util.Optional.empty());
        report.add("3f2a1b4c-0000-4000-8000-000000000001", "laptop-of-someone", aRecord()
                .at("2026-03-02T09:10:00Z").tokens(1_234, 56_789, 345_678, 0, 12_345_678).cost(12.3456).build());
        report.add("9e8d7c6b-0000-4000-8000-000000000002", "build-server", aRecord()
                .at("2026-03-03T14:00:00Z").tokens(4_000, 1_500, 20_000, 0, 300_000).cost(0.21).build());
        report.add("9e8d7c6b-0000-4000-8000-000000000002", "build-server", aRecord().synthetic()
                .at("2026-03-03T14:01:00Z").build());

        String text = report.renderTable("Usage by machine: all machines", ZoneId.of("UTC"), width);

        assertGolden("machines-" + width + ".txt", text);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
        // the synthetic line is stored but is no request
        assertThat(text.lines().filter(l -> l.startsWith("Total"))).singleElement().asString().contains("  2  ");
    }

    static List<Integer> widths() {
        return WIDTHS;
    }

    private static void assertGolden(String name, String text) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static List<Arguments> kindsAndWidths() {
        return List.of(ReportKind.values()).stream()
                .flatMap(k -> WIDTHS.stream().map(w -> Arguments.of(k, w))).toList();
    }

    private static String render(ReportKind kind, int width, boolean compact) {
        return new ReportTableRenderer().render(REPORTS.report(kind, ReportOptions.all(ZoneId.of("UTC"))),
                new ReportFormat(false, false, false, compact, width));
    }

    @ParameterizedTest(name = "{0} at {1} columns")
    @MethodSource("kindsAndWidths")
    void tablesMatchTheirGoldenFileAndFitTheWidth(ReportKind kind, int width) throws IOException {
        String text = render(kind, width, false);

        assertGolden(kind.jsonKey() + "-" + width + ".txt", text);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyColumnShowsAt200AndCompactHidesTheCacheColumns(ReportKind kind) {
        String wide = render(kind, 200, false);
        String compact = render(kind, 200, true);
        String narrow = render(kind, 60, false);

        assertThat(heading(wide)).contains("Cache Create", "Cache Read", "Total Tokens", "Cost (USD)");
        assertThat(wide).doesNotContain("Compact layout");
        assertThat(heading(compact)).doesNotContain("Cache Create", "Cache Read").contains("Cost (USD)");
        assertThat(compact).contains("hidden (--compact).");
        assertThat(heading(narrow)).doesNotContain("Cache Create", "Cache Read").contains("Cost (USD)");
        assertThat(narrow).contains("hidden to fit 60 columns");
    }

    /** The table's heading line (after the title and a blank line). */
    private static String heading(String text) {
        return text.lines().skip(2).findFirst().orElseThrow();
    }

    static List<ReportKind> kinds() {
        return List.of(ReportKind.values());
    }

    /** The Models cell uses the room there is: one line at 200 columns, wrapped when narrow. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void modelsStayOnOneLineWhenThereIsRoom(ReportKind kind) {
        if (kind == ReportKind.MODELS) {
            return;
        }
        String longest = REPORTS.report(kind, ReportOptions.all(ZoneId.of("UTC"))).rows().stream()
                .map(r -> String.join(", ", r.usage().modelsUsed().stream().map(ReportFigures::shortModel).toList()))
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        assertThat(longest).contains(", opus-4-1-fast, ");
        assertThat(render(kind, 200, false)).contains(longest);
        assertThat(render(kind, 60, false)).doesNotContain(longest);
    }
}
