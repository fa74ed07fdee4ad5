package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake API on its own, without Claude Code: both reply forms, the queue, and unknown paths. */
class FakeMessagesApiTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeMessagesApi api = FakeMessagesApi.start();

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void nonStreamingCallGetsOneJsonMessageWithTheScriptedUsageAndIds() throws Exception {
        ScriptedReply reply = ScriptedReply.text("hello", new TokenCounts(1, 2, 3, 4, 5));
        api.enqueue(reply);

        HttpResponse<String> r = post("/v1/messages?beta=true", "{\"model\":\"claude-x\",\"stream\":false}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("request-id")).contains(reply.requestId());
        JsonNode m = mapper.readTree(r.body());
        assertThat(m.path("id").asText()).isEqualTo(reply.messageId());
        assertThat(m.path("model").asText()).isEqualTo("claude-x");
        assertThat(m.path("content").get(0).path("text").asText()).isEqualTo("hello");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        JsonNode u = m.path("usage");
        assertThat(List.of(u.path("input_tokens").asLong(), u.path("output_tokens").asLong(),
                u.path("cache_creation_input_tokens").asLong(), u.path("cache_read_input_tokens").asLong(),
                u.path("cache_creation").path("ephemeral_5m_input_tokens").asLong(),
                u.path("cache_creation").path("ephemeral_1h_input_tokens").asLong()))
                .containsExactly(1L, 2L, 7L, 5L, 3L, 4L);
        assertThat(api.messageRequestCount()).isEqualTo(1);
    }

    @Test
    void streamingToolCallSendsTheSixEventKindsInOrder() throws Exception {
        ScriptedReply reply = ScriptedReply.bash("echo hi", new TokenCounts(10, 20, 0, 0, 0));
        api.enqueue(reply);

        HttpResponse<String> r = post("/v1/messages", "{\"model\":\"claude-x\",\"stream\":true}");

        assertThat(r.headers().firstValue("content-type")).contains("text/event-stream");
        List<String> events = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("event: ")) {
                events.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                data.add(mapper.readTree(line.substring(6)));
            }
        }
        assertThat(events).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(data.get(1).path("content_block").path("name").asText()).isEqualTo("Bash");
        assertThat(mapper.readTree(data.get(2).path("delta").path("partial_json").asText()).path("command").asText())
                .isEqualTo("echo hi");
        assertThat(data.get(4).path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(data.get(4).path("usage").path("output_tokens").asLong()).isEqualTo(20);
    }

    @Test
    void emptyQueueAnswersWithZeroUsageFallbackAndUnknownPathsGet404() throws Exception {
        HttpResponse<String> fallback = post("/v1/messages", "{\"model\":\"m\"}");
        HttpResponse<String> unknown = post("/api/oauth/profile", "{}");

        assertThat(mapper.readTree(fallback.body()).path("usage").path("input_tokens").asLong()).isZero();
        assertThat(api.unscriptedCount()).isEqualTo(1);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.unknownRequests()).extracting(RecordedRequest::path).containsExactly("/api/oauth/profile");
        assertThat(api.messageRequestCount()).isEqualTo(1);
    }

    @Test
    void planLimitHeadersGoOutWithBothReplyFormsUntilTurnedOff() throws Exception {
        Instant reset = Instant.parse("2030-01-02T03:04:05Z");
        api.sendPlanLimits(PlanLimitHeaders.none().with(PlanLimitWindow.FIVE_HOUR, 0.42, reset)
                .withHeader("anthropic-ratelimit-unified-status", "allowed"));
        api.enqueue(ScriptedReply.text("a", TokenCounts.ZERO), ScriptedReply.text("b", TokenCounts.ZERO),
                ScriptedReply.text("c", TokenCounts.ZERO));

        HttpResponse<String> json = post("/v1/messages", "{\"stream\":false}");
        HttpResponse<String> sse = post("/v1/messages", "{\"stream\":true}");
        api.sendPlanLimits(PlanLimitHeaders.none());
        HttpResponse<String> after = post("/v1/messages", "{\"stream\":true}");

        for (HttpResponse<String> r : List.of(json, sse)) {
            assertThat(r.headers().firstValue("anthropic-ratelimit-unified-5h-utilization")).contains("0.42");
            assertThat(r.headers().firstValue("anthropic-ratelimit-unified-5h-reset")).contains("1893553445");
            assertThat(r.headers().firstValue("anthropic-ratelimit-unified-status")).contains("allowed");
        }
        assertThat(after.headers().firstValue("anthropic-ratelimit-unified-5h-utilization")).isEmpty();
    }

    @Test
    void statuslinePercentageRoundsToATenthAndCapsAtOneHundred() {
        assertThat(PlanLimitWindow.statuslinePercentage(0.173)).isEqualTo(17.3);
        assertThat(PlanLimitWindow.statuslinePercentage(0.42)).isEqualTo(42.0);
        assertThat(PlanLimitWindow.statuslinePercentage(0.12345)).isEqualTo(12.3);
        assertThat(PlanLimitWindow.statuslinePercentage(1.5)).isEqualTo(100.0);
    }

    @Test
    void namedToolCallIsSentWithItsInputInBothFormsAndItsResultIsReadBack() throws Exception {
        ObjectNode input = mapper.createObjectNode().put("period", "today");
        ScriptedReply call = ScriptedReply.toolUse("mcp__cc-telemetry__usage_summary", input, TokenCounts.ZERO);
        input.put("period", "changed after scripting");
        api.enqueue(call, call);

        JsonNode message = mapper.readTree(post("/v1/messages", "{\"stream\":false}").body());
        String sse = post("/v1/messages", "{\"stream\":true}").body();
        String next = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\""
                + call.toolUseId() + "\",\"content\":[{\"type\":\"text\",\"text\":\"1,234 tokens\"},"
                + "{\"type\":\"text\",\"text\":\"$0.56\"}]},{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_x\","
                + "\"content\":\"denied\",\"is_error\":true}]}]}";
        post("/v1/messages", next);

        JsonNode block = message.path("content").get(0);
        assertThat(block.path("type").asText()).isEqualTo("tool_use");
        assertThat(block.path("name").asText()).isEqualTo("mcp__cc-telemetry__usage_summary");
        assertThat(block.path("id").asText()).isEqualTo(call.toolUseId());
        assertThat(block.path("input").path("period").asText()).isEqualTo("today");
        assertThat(sse).contains("\"name\":\"mcp__cc-telemetry__usage_summary\"")
                .contains("\"partial_json\":\"{\\\"period\\\":\\\"today\\\"}\"");
        RecordedRequest third = api.messageRequests().get(2);
        assertThat(third.toolResults()).extracting(ToolResult::toolUseId).containsExactly(call.toolUseId(), "toolu_x");
        ToolResult ok = third.toolResult(call.toolUseId()).orElseThrow();
        assertThat(ok.text()).isEqualTo("1,234 tokens\n$0.56");
        assertThat(ok.isError()).isFalse();
        ToolResult denied = third.toolResult("toolu_x").orElseThrow();
        assertThat(denied.text()).isEqualTo("denied");
        assertThat(denied.isError()).isTrue();
        assertThat(third.header("Content-Type")).contains("application/json");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
