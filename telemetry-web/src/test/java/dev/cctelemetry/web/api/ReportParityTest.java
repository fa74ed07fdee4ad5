package dev.cctelemetry.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.report.ReportFigures;
import dev.cctelemetry.core.report.ReportJsonWriter;
import dev.cctelemetry.core.report.ReportKind;
import dev.cctelemetry.core.report.ReportOptions;
import dev.cctelemetry.core.report.RecordStreamQueries;
import dev.cctelemetry.core.report.ReportService;
import dev.cctelemetry.web.testing.ApiClient;
import dev.cctelemetry.web.testing.DashboardFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure the dashboard's API shows equals what {@code report KIND --json} prints for the same filter (the
 * CLI's report is core's ReportService written by ReportJsonWriter; both run here over the same real ledger of
 * the corpus), for two filter sets: everything in UTC, and a date range in a zone with a half-hour offset.
 */
class ReportParityTest {

    @TempDir
    static Path tmp;

    static DashboardFixture dashboard;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        dashboard = DashboardFixture.corpus(tmp);
        api = new ApiClient(dashboard);
    }

    @AfterAll
    static void stop() throws Exception {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    static Stream<Arguments> filters() {
        return Stream.of(Arguments.of("range=all&tz=UTC", ReportOptions.all(ZoneId.of("UTC"))),
                Arguments.of("from=2025-06-18&to=2026-04-30&tz=Asia/Kolkata",
                        ReportOptions.all(ZoneId.of("Asia/Kolkata")).withSince(LocalDate.parse("2025-06-18"))
                                .withUntil(LocalDate.parse("2026-04-30"))));
    }

    private static JsonNode cli(ReportKind kind, ReportOptions options) throws Exception {
        return ApiClient.parse(new ReportJsonWriter().toJson(new ReportService(new RecordStreamQueries(dashboard.ledger(), "", ""), dashboard.clock)
                .report(kind, options)));
    }

    /** Rows of a view table keyed by their first cell's raw value: column label -> raw value. */
    private static Map<String, Map<String, JsonNode>> rows(JsonNode table) {
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        for (JsonNode row : table.get("rows")) {
            out.put(row.get("values").get(0).asText(), cells(table, row, "values"));
        }
        return out;
    }

    private static Map<String, JsonNode> cells(JsonNode table, JsonNode row, String field) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (int i = 0; i < table.get("columns").size(); i++) {
            m.put(table.get("columns").get(i).get("label").asText(), row.get(field).get(i));
        }
        return m;
    }

    private static void assertSameUsage(String what, Map<String, JsonNode> web, Map<String, JsonNode> webText,
            JsonNode cli) {
        assertThat(web.get("Input").asLong()).as(what).isEqualTo(cli.get("inputTokens").asLong());
        assertThat(web.get("Output").asLong()).as(what).isEqualTo(cli.get("outputTokens").asLong());
        assertThat(web.get("Cache Create").asLong()).as(what).isEqualTo(cli.get("cacheCreationTokens").asLong());
        assertThat(web.get("Cache Read").asLong()).as(what).isEqualTo(cli.get("cacheReadTokens").asLong());
        assertThat(web.get("Total Tokens").asLong()).as(what).isEqualTo(cli.get("totalTokens").asLong());
        assertThat(web.get("Cost (USD)").asDouble()).as(what).isCloseTo(cli.get("totalCost").asDouble(), within(1e-9));
        assertThat(webText.get("Cost (USD)").asText()).as(what).isEqualTo(ReportFigures.money(cli.get("totalCost").asDouble()));
        assertThat(webText.get("Total Tokens").asText()).as(what).isEqualTo(ReportFigures.count(cli.get("totalTokens").asLong()));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void cacheShareCardEqualsTheReportsTotals(String query, ReportOptions options) throws Exception {
        JsonNode card = null;
        for (JsonNode c : api.json("/api/overview?" + query).get("cards")) {
            if ("cache-share".equals(c.path("id").asText())) {
                card = c;
            }
        }
        JsonNode totals = cli(ReportKind.DAILY, options).get("totals");
        long read = totals.get("cacheReadTokens").asLong();
        long prompt = totals.get("inputTokens").asLong() + totals.get("cacheCreationTokens").asLong() + read;
        assertThat(read).as("the corpus has cache reads in this range").isPositive();
        assertThat(card).as("cache-share card").isNotNull();
        assertThat(card.get("cacheRead").asLong()).isEqualTo(read);
        assertThat(card.get("promptTokens").asLong()).isEqualTo(prompt);
        assertThat(card.get("share").asDouble()).isCloseTo((double) read / prompt, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void dailyFiguresEqualReportDaily(String query, ReportOptions options) throws Exception {
        JsonNode table = api.json("/api/overview?" + query).get("table");
        JsonNode cli = cli(ReportKind.DAILY, options);
        List<String> cliDates = new ArrayList<>();
        for (JsonNode day : cli.get("daily")) {
            if (day.get("totalTokens").asLong() > 0) {
                cliDates.add(day.get("date").asText());
            }
        }
        Map<String, Map<String, JsonNode>> web = rows(table);
        assertThat(web.keySet()).containsExactlyElementsOf(cliDates);
        for (JsonNode day : cli.get("daily")) {
            String date = day.get("date").asText();
            if (web.containsKey(date)) {
                JsonNode row = findRow(table, date);
                assertSameUsage(date, web.get(date), cells(table, row, "text"), day);
            }
        }
        assertSameUsage("total", cells(table, table.get("total"), "values"), cells(table, table.get("total"), "text"),
                cli.get("totals"));
        assertThat(table.get("unpricedModels")).isEqualTo(cli.get("totals").path("unpricedModels").isMissingNode()
                ? ApiClient.parse("[]") : cli.get("totals").get("unpricedModels"));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void projectModelSessionAndBlockFiguresEqualTheirReports(String query, ReportOptions options) throws Exception {
        compare("/api/projects?" + query, cli(ReportKind.PROJECTS, options), "projects", "project");
        compare("/api/models?" + query, cli(ReportKind.MODELS, options), "models", "model");
        compare("/api/sessions?size=500&" + query, cli(ReportKind.SESSIONS, options), "sessions", "sessionId");
        JsonNode blocks = api.json("/api/blocks?" + query).get("table");
        JsonNode cliBlocks = cli(ReportKind.BLOCKS, options).get("blocks");
        assertThat(blocks.get("rows").size()).isEqualTo(cliBlocks.size());
        for (int i = 0; i < cliBlocks.size(); i++) {
            JsonNode b = cliBlocks.get(i);
            JsonNode row = blocks.get("rows").get(i);
            assertThat(row.get("values").get(0).asText()).isEqualTo(b.get("startTime").asText().replace(".000Z", "Z"));
            if (!b.get("isGap").asBoolean()) {
                assertThat(row.get("text").get(8).asText()).isEqualTo(ReportFigures.money(b.get("costUSD").asDouble()));
                assertThat(row.get("values").get(7).asLong()).isEqualTo(b.get("totalTokens").asLong());
            }
        }
    }

    private static void compare(String path, JsonNode cli, String key, String idField) throws Exception {
        JsonNode table = api.json(path).get("table");
        Map<String, Map<String, JsonNode>> web = rows(table);
        List<String> ids = new ArrayList<>();
        cli.get(key).forEach(r -> ids.add(r.get(idField).asText()));
        assertThat(web.keySet()).as(path).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode r : cli.get(key)) {
            String id = r.get(idField).asText();
            assertSameUsage(path + " " + id, web.get(id), cells(table, findRow(table, id), "text"), r);
        }
    }

    private static JsonNode findRow(JsonNode table, String first) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("values").get(0).asText().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first);
    }

    @Test
    void csvDownloadHoldsTheTableRawValues() throws Exception {
        HttpResponse<String> csv = api.get("/api/models?range=all&tz=UTC&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"cc-telemetry-models.csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("Model,Sessions,Requests,Input,Output,Cache Create,Cache Read,Total Tokens,Cost (USD)");
        JsonNode cliTotals = cli(ReportKind.MODELS, ReportOptions.all(ZoneId.of("UTC"))).get("totals");
        String last = lines[lines.length - 1];
        assertThat(last).startsWith("Total,").contains("," + cliTotals.get("totalTokens").asLong() + ",");
        assertThat(lines).hasSize(cli(ReportKind.MODELS, ReportOptions.all(ZoneId.of("UTC"))).get("models").size() + 2);
    }

    @Test
    void badFiltersAreRefusedWithOneLine() throws Exception {
        for (String q : List.of("range=week", "from=2026-13-01", "tz=Mars/Base", "from=2026-02-01&to=2026-01-01")) {
            HttpResponse<String> r = api.get("/api/overview?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.body()).as(q).doesNotContain("\n\tat ").doesNotContain("Exception");
        }
        assertThat(api.get("/api/sessions?sort=colour").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/sessions/nope").statusCode()).isEqualTo(404);
    }
}
