package dev.cctelemetry.core.report;

import static dev.cctelemetry.core.report.RecordBuilder.aRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CCUSAGE_ROW_KEYS = List.of("cacheCreationTokens", "cacheReadTokens",
            "inputTokens", "modelBreakdowns", "modelsUsed", "outputTokens", "totalCost", "totalTokens");
    private static final List<String> OUR_TOKEN_KEYS = List.of("cacheWrite1hTokens", "cacheWrite5mTokens");

    private final ReportJsonWriter writer = new ReportJsonWriter();

    private static ReportService service(UsageRecord... records) {
        return new ReportService(ListRecordSource.queries(List.of(records)),
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private JsonNode json(Report<?> report) throws Exception {
        return JSON.readTree(writer.toJson(report));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void dailyJsonHasCcusageKeysInAlphabeticalOrderPlusCacheWriteSplit() throws Exception {
        JsonNode doc = json(service(aRecord().at("2025-08-01T10:00:00Z").tokens(110, 550, 600, 400, 2000)
                .cost(0.01293).build()).daily(ReportOptionsFixtures.utc()));

        assertThat(keys(doc)).containsExactly("daily", "totals");
        JsonNode day = doc.get("daily").get(0);
        assertThat(keys(day)).containsAll(CCUSAGE_ROW_KEYS).contains("date").containsAll(OUR_TOKEN_KEYS);
        assertThat(keys(day)).isSorted();
        assertThat(day.get("date").asText()).isEqualTo("2025-08-01");
        assertThat(day.get("cacheCreationTokens").asLong()).isEqualTo(1000);
        assertThat(day.get("cacheWrite5mTokens").asLong()).isEqualTo(600);
        assertThat(day.get("cacheWrite1hTokens").asLong()).isEqualTo(400);
        assertThat(day.get("totalTokens").asLong()).isEqualTo(3660);
        assertThat(day.get("totalCost").asDouble()).isEqualTo(0.01293);
        JsonNode breakdown = day.get("modelBreakdowns").get(0);
        assertThat(keys(breakdown)).contains("cacheCreationTokens", "cacheReadTokens", "cost", "inputTokens",
                "modelName", "outputTokens");
        assertThat(breakdown.get("modelName").asText()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(keys(doc.get("totals"))).containsAll(List.of("cacheCreationTokens", "cacheReadTokens",
                "inputTokens", "outputTokens", "totalCost", "totalTokens")).doesNotContain("unpricedModels");
    }

    @Test
    void totalsListUnpricedModelsWhenThereAreAny() throws Exception {
        JsonNode doc = json(service(aRecord().unpriced("unsloth/Qwen3-Coder-Next").build())
                .daily(ReportOptionsFixtures.utc()));

        assertThat(doc.get("totals").get("unpricedModels").get(0).asText()).isEqualTo("unsloth/Qwen3-Coder-Next");
    }

    /** Issue 19.4: a cost that is Claude Code's figure, not the price table's, is named like an unpriced one. */
    @Test
    void totalsListModelsCostedFromClaudeCodesCostState() throws Exception {
        JsonNode doc = json(service(aRecord().pricedByCostState("glm-4.6", 0.12).build(), aRecord().build())
                .daily(ReportOptionsFixtures.utc()));
        JsonNode blocks = json(service(aRecord().pricedByCostState("glm-4.6", 0.12).build())
                .blocks(ReportOptionsFixtures.utc()));

        assertThat(doc.get("totals").get("costStateModels")).hasSize(1);
        assertThat(doc.get("totals").get("costStateModels").get(0).asText()).isEqualTo("glm-4.6");
        assertThat(blocks.get("costStateModels").get(0).asText()).isEqualTo("glm-4.6");
        assertThat(json(service(aRecord().build()).daily(ReportOptionsFixtures.utc())).get("totals")
                .has("costStateModels")).isFalse();
    }

    @Test
    void sessionJsonCarriesIdsPathsAndMillisecondTimestamps() throws Exception {
        JsonNode doc = json(service(aRecord().session("11111111-1111-4111-8111-111111111111")
                .project("-home-user-projA", "/home/user/projA").at("2025-08-01T10:00:05Z").build(),
                aRecord().session("11111111-1111-4111-8111-111111111111").at("2025-08-01T10:01:01.5Z").build())
                .sessions(ReportOptionsFixtures.utc()));

        assertThat(keys(doc)).containsExactly("sessions", "totals");
        JsonNode s = doc.get("sessions").get(0);
        assertThat(keys(s)).containsAll(CCUSAGE_ROW_KEYS)
                .contains("sessionId", "projectPath", "firstActivity", "lastActivity", "cwd");
        assertThat(s.get("sessionId").asText()).isEqualTo("11111111-1111-4111-8111-111111111111");
        assertThat(s.get("firstActivity").asText()).isEqualTo("2025-08-01T10:00:05.000Z");
        assertThat(s.get("lastActivity").asText()).isEqualTo("2025-08-01T10:01:01.500Z");
    }

    @Test
    void monthlyProjectsAndModelsUseTheirOwnTopLevelKeys() throws Exception {
        ReportService s = service(aRecord().build());

        assertThat(keys(json(s.monthly(ReportOptionsFixtures.utc())))).containsExactly("monthly", "totals");
        assertThat(json(s.monthly(ReportOptionsFixtures.utc())).get("monthly").get(0).get("month").asText())
                .isEqualTo("2025-08");
        assertThat(json(s.projects(ReportOptionsFixtures.utc())).get("projects").get(0).get("project").asText())
                .isEqualTo("-home-user-proj");
        assertThat(json(s.models(ReportOptionsFixtures.utc())).get("models").get(0).get("model").asText())
                .isEqualTo("claude-sonnet-4-20250514");
    }

    @Test
    void blocksJsonHasCcusageBlockShapeWithNullsForGaps() throws Exception {
        JsonNode doc = json(service(aRecord().at("2025-08-01T10:00:05Z").tokens(110, 550, 1000, 0, 2000).build(),
                aRecord().at("2025-08-02T10:00:00Z").build()).blocks(ReportOptionsFixtures.utc()));

        assertThat(keys(doc)).containsExactly("blocks");
        JsonNode block = doc.get("blocks").get(0);
        assertThat(keys(block)).containsExactly("actualEndTime", "burnRate", "costUSD", "endTime", "entries", "id",
                "isActive", "isGap", "models", "projection", "startTime", "tokenCounts", "totalTokens");
        assertThat(keys(block.get("tokenCounts"))).contains("cacheCreationInputTokens", "cacheReadInputTokens",
                "inputTokens", "outputTokens");
        assertThat(block.get("id").asText()).isEqualTo("2025-08-01T10:00:00.000Z");
        assertThat(block.get("endTime").asText()).isEqualTo("2025-08-01T15:00:00.000Z");
        assertThat(block.get("actualEndTime").asText()).isEqualTo("2025-08-01T10:00:05.000Z");
        assertThat(block.get("burnRate").isNull()).isTrue();
        assertThat(block.get("totalTokens").asLong()).isEqualTo(3660);
        JsonNode gap = doc.get("blocks").get(1);
        assertThat(gap.get("id").asText()).isEqualTo("gap-2025-08-01T15:00:05.000Z");
        assertThat(gap.get("isGap").asBoolean()).isTrue();
        assertThat(gap.get("actualEndTime").isNull()).isTrue();
        assertThat(gap.get("entries").asLong()).isZero();
    }

    @Test
    void activeBlockJsonHasBurnRateAndProjection() throws Exception {
        ReportService s = new ReportService(ListRecordSource.queries(List.of(aRecord().at("2025-08-01T10:30:00Z").build(),
                aRecord().at("2025-08-01T11:30:00Z").build())),
                Clock.fixed(Instant.parse("2025-08-01T12:00:00Z"), ZoneOffset.UTC));

        JsonNode block = json(s.blocks(ReportOptionsFixtures.utc())).get("blocks").get(0);

        assertThat(block.get("isActive").asBoolean()).isTrue();
        assertThat(keys(block.get("burnRate"))).containsExactly("costPerHour", "tokensPerMinute",
                "tokensPerMinuteForIndicator");
        assertThat(keys(block.get("projection"))).containsExactly("remainingMinutes", "totalCost", "totalTokens");
        assertThat(block.get("projection").get("remainingMinutes").asLong()).isEqualTo(180);
    }

    @Test
    void writeAppendsTheDocumentToTheWriter() {
        StringWriter out = new StringWriter();
        writer.write(service().daily(ReportOptionsFixtures.utc()), out);

        assertThat(out.toString()).contains("\"daily\" : [ ]").endsWith(System.lineSeparator());
    }

    @Test
    void textIsWhatDatabindsPrettyPrinterWritesForEveryKind() throws Exception {
        ReportService s = new ReportService(ListRecordSource.queries(List.of(
                aRecord().session("11111111-1111-4111-8111-111111111111").project("-w-a", "/w/a \"q\" \u00e9")
                        .at("2025-08-01T10:00:05Z").tokens(110, 550, 600, 400, 2000).cost(0.01293).build(),
                aRecord().session("11111111-1111-4111-8111-111111111111").at("2025-08-01T11:01:01.5Z").fast()
                        .cost(1e-7).build(),
                aRecord().session("22222222-2222-4222-8222-222222222222").at("2025-08-03T09:00:00Z")
                        .unpriced("glm-4.6").build(),
                aRecord().session("22222222-2222-4222-8222-222222222222").at("2025-08-03T11:30:00Z")
                        .cost(123456.789).build())),
                Clock.fixed(Instant.parse("2025-08-03T12:00:00Z"), ZoneOffset.UTC));
        ObjectMapper mapper = new ObjectMapper();
        for (ReportKind kind : ReportKind.values()) {
            String text = writer.toJson(s.report(kind, ReportOptionsFixtures.utc()));
            // The same tree (keys in the order written, numbers as parsed) through databind's pretty writer.
            Object tree = mapper.readValue(text, LinkedHashMap.class);
            assertThat(text).as("%s", kind).isEqualTo(mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(tree));
        }
    }
}
