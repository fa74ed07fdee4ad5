package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.6-19.8: what a ccusage user types ({@code -s}, {@code -u}, {@code -j}, {@code --order},
 * {@code --start-of-week}, {@code -z utc}, {@code --since 2026-01}) works, and a mistyped command or report gets
 * the nearest name.
 */
class ReportHabitsTest {

    private static final String SESSION = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path tmp;

    private CliHarness cli;

    @BeforeEach
    void fourRequestsOnFourDays() throws Exception {
        cli = new CliHarness(tmp);
        TranscriptBuilder.session(SESSION)
                .assistant("msg_1", "req_1", "claude-sonnet-4-20250514", "2025-12-31T10:00:00.000Z", 1, 2, 3, 4,
                        "end_turn")
                // a Sunday
                .assistant("msg_2", "req_2", "claude-sonnet-4-20250514", "2026-01-04T10:00:00.000Z", 10, 20, 30, 40,
                        "end_turn")
                // a Monday, 23:30 in UTC: already Tuesday in Paris, still Monday in New York
                .assistant("msg_3", "req_3", "claude-sonnet-4-20250514", "2026-01-05T23:30:00.000Z", 100, 200, 300,
                        400, "end_turn")
                .writeTo(cli.userHome.resolve(".claude/projects/-work-p/" + SESSION + ".jsonl"));
        assertThat(cli.run("sync").exitCode()).isZero();
    }

    private CliHarness.Result report(String... args) {
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        all.add("--no-sync");
        return cli.run(all.toArray(String[]::new));
    }

    private List<String> jsonDates(CliHarness.Result r, String array, String key) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.stdout());
        List<String> dates = new ArrayList<>();
        doc.get(array).forEach(n -> dates.add(n.get(key).asText()));
        return dates;
    }

    @Test
    void mistypedCommandsReportsAndOptionsGetTheNearestName() {
        CliHarness.Result repot = cli.run("repot", "daily");
        assertThat(repot.exitCode()).isEqualTo(2);
        assertThat(repot.stderr()).contains("Did you mean 'report'?");

        // a swap of two letters: picocli's own letter-pair suggestions find nothing here
        CliHarness.Result snyc = cli.run("snyc");
        assertThat(snyc.exitCode()).isEqualTo(2);
        assertThat(snyc.stderr()).contains("Did you mean 'sync'?");

        CliHarness.Result dayly = report("dayly");
        assertThat(dayly.exitCode()).isEqualTo(2);
        assertThat(dayly.stderr().strip()).isEqualTo("cc-telemetry: unknown report 'dayly': did you mean 'daily'?"
                + " (reports: daily, weekly, monthly, sessions, projects, models, blocks, machines, limits)");

        CliHarness.Result sinse = report("--sinse", "2026-01-01");
        assertThat(sinse.exitCode()).isEqualTo(2);
        assertThat(sinse.stderr()).contains("Did you mean '--since'?");

        CliHarness.Result nonsense = cli.run("xyzzy");
        assertThat(nonsense.exitCode()).isEqualTo(2);
        assertThat(nonsense.stderr()).doesNotContain("Did you mean");
    }

    @Test
    void ccusageShortFlagsSelectTheSameDaysAsTheLongOnes() throws Exception {
        List<String> shortFlags = jsonDates(report("daily", "-s", "20260101", "-u", "2026-01-04", "-j", "-z", "UTC"),
                "daily", "date");
        List<String> longFlags = jsonDates(report("daily", "--since", "2026-01-01", "--until", "20260104", "--json",
                "--timezone", "UTC"), "daily", "date");

        assertThat(shortFlags).containsExactly("2026-01-04").isEqualTo(longFlags);
    }

    @Test
    void orderDescPutsTheNewestRowFirstInTablesAndJson() throws Exception {
        assertThat(jsonDates(report("daily", "-z", "UTC", "--order", "desc", "-j"), "daily", "date"))
                .containsExactly("2026-01-05", "2026-01-04", "2025-12-31");
        assertThat(jsonDates(report("daily", "-z", "UTC", "-j"), "daily", "date"))
                .containsExactly("2025-12-31", "2026-01-04", "2026-01-05");

        String table = report("daily", "-z", "UTC", "-o", "DESC").stdout();
        assertThat(table.indexOf("2026-01-05")).isLessThan(table.indexOf("2025-12-31"));

        // models stay most expensive first: their order is no time order
        TranscriptBuilder.session("22222222-2222-4222-8222-222222222222")
                .assistant("msg_9", "req_9", "claude-opus-4-1-20250805", "2026-01-01T10:00:00.000Z", 1000, 2000,
                        3000, 4000, "end_turn")
                .writeTo(cli.userHome.resolve(".claude/projects/-work-q/22222222-2222-4222-8222-222222222222.jsonl"));
        assertThat(cli.run("sync").exitCode()).isZero();
        List<String> models = jsonDates(report("models", "-j"), "models", "model");
        assertThat(models).containsExactly("claude-opus-4-1-20250805", "claude-sonnet-4-20250514");
        assertThat(jsonDates(report("models", "-o", "desc", "-j"), "models", "model")).isEqualTo(models);

        CliHarness.Result bad = report("--order", "newest");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr().strip()).isEqualTo("cc-telemetry: --order 'newest': use asc or desc");
    }

    @Test
    void timeZonesAreMatchedWithoutRegardToCaseAndShortIdsComeWithANote() throws Exception {
        assertThat(jsonDates(report("daily", "-z", "europe/paris", "-j"), "daily", "date"))
                .containsExactly("2025-12-31", "2026-01-04", "2026-01-06");
        assertThat(report("daily", "-z", "utc").stdout()).contains("(times in UTC)").contains("2026-01-05");

        CliHarness.Result est = report("daily", "-z", "EST", "-j");
        assertThat(jsonDates(est, "daily", "date")).containsExactly("2025-12-31", "2026-01-04", "2026-01-05");
        // The JDK's own meaning of the short id, which changed: -05:00 on JDK 17, America/Panama (also always
        // -05:00, so the same dates) on JDK 25.
        assertThat(est.stderr()).contains("note: EST is read as " + java.time.ZoneId.SHORT_IDS.get("EST"));

        CliHarness.Result mars = report("daily", "-z", "Mars/Olympus");
        assertThat(mars.exitCode()).isEqualTo(2);
        assertThat(mars.stderr().lines()).singleElement().asString()
                .startsWith("cc-telemetry: unknown time zone 'Mars/Olympus'");
    }

    @Test
    void aMonthStandsForItsFirstDayInSinceAndItsLastInUntil() throws Exception {
        assertThat(jsonDates(report("monthly", "--since", "2026-01", "-z", "UTC", "-j"), "monthly", "month"))
                .containsExactly("2026-01");
        assertThat(jsonDates(report("daily", "-u", "2025-12", "-z", "UTC", "-j"), "daily", "date"))
                .containsExactly("2025-12-31");

        CliHarness.Result bad = report("monthly", "--since", "2026-13");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr().strip()).isEqualTo("cc-telemetry: --since '2026-13' is not a date (YYYY-MM-DD, or"
                + " YYYY-MM for a month)");
    }

    @Test
    void startOfWeekMovesTheWeekBoundary() throws Exception {
        // Sunday 4 and Monday 5 January: one week from Sunday (ccusage's default), two from Monday
        assertThat(jsonDates(report("weekly", "-z", "UTC", "-j"), "weekly", "week"))
                .containsExactly("2025-12-28", "2026-01-04");
        assertThat(jsonDates(report("weekly", "-z", "UTC", "--start-of-week", "Monday", "-j"), "weekly", "week"))
                .containsExactly("2025-12-29", "2026-01-05");
    }

    /** Issue 19.1: the table follows COLUMNS (a narrow tmux pane); --compact forces the narrow layout. */
    @Test
    void tablesFitColumnsAndCompactForcesTheNarrowLayout() {
        String wide = report("daily", "-z", "UTC").stdout();
        assertThat(wide).contains("Cache Create").doesNotContain("Compact layout");

        cli.env.put("COLUMNS", "60");
        String narrow = report("daily", "-z", "UTC").stdout();
        assertThat(narrow.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));
        assertThat(narrow).doesNotContain("Cache Read  ").contains("hidden to fit 60 columns");

        cli.env.remove("COLUMNS");
        assertThat(report("daily", "-z", "UTC", "--compact").stdout()).contains("Input  Output  Cost (USD)")
                .doesNotContain("Cache Read  ").contains("hidden (--compact)");
    }

    /** Issue 19.6: ccusage's --breakdown, a line per model under each period. */
    @Test
    void breakdownPutsAModelLineUnderEachRow() {
        String table = report("monthly", "-z", "UTC", "--breakdown").stdout();

        assertThat(table.lines().filter(l -> l.contains("- sonnet-4"))).hasSize(2);
        assertThat(table.lines().filter(l -> l.startsWith("2026-01"))).singleElement().asString()
                .contains("sonnet-4");
        assertThat(report("monthly", "-z", "UTC").stdout()).doesNotContain("- sonnet-4");
    }
}
