package dev.cctelemetry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TranscriptLineParserTest {

    private static final LineOrigin ORIGIN = new LineOrigin("/root", "/root/projects/-p/s.jsonl", "-p", "s");
    private final TranscriptLineParser parser = new TranscriptLineParser();

    private ParsedLine parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, 0, b.length, ORIGIN, 42);
    }

    private UsageRecord usage(String line) {
        ParsedLine p = parse(line);
        assertThat(p).isInstanceOf(ParsedLine.Usage.class);
        return ((ParsedLine.Usage) p).record();
    }

    @Test
    void assistantLineBecomesARecordWithEveryField() {
        UsageRecord r = usage("{\"isSidechain\":true,\"agentId\":\"a1\",\"cwd\":\"/w\",\"sessionId\":\"sess\","
                + "\"version\":\"2.1.97\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-6\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"x\"}],\"stop_reason\":\"end_turn\",\"usage\":"
                + "{\"input_tokens\":3,\"cache_creation_input_tokens\":58,\"cache_read_input_tokens\":19346,"
                + "\"output_tokens\":291,\"service_tier\":\"standard\",\"cache_creation\":"
                + "{\"ephemeral_1h_input_tokens\":50,\"ephemeral_5m_input_tokens\":8},\"speed\":\"fast\"}},"
                + "\"requestId\":\"req_1\",\"type\":\"assistant\",\"timestamp\":\"2026-04-09T13:47:35.107Z\"}");
        assertThat(r.key()).isEqualTo(new UsageKey("msg_1", "req_1"));
        assertThat(r.sessionId()).isEqualTo("sess");
        assertThat(r.tokens()).isEqualTo(new TokenCounts(3, 291, 8, 50, 19346));
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-04-09T13:47:35.107Z"));
        assertThat(r.sidechain()).isTrue();
        assertThat(r.agentId()).isEqualTo("a1");
        assertThat(r.fast()).isTrue();
        assertThat(r.stopReasonSet()).isTrue();
        assertThat(r.serviceTier()).isEqualTo("standard");
        assertThat(r.version()).isEqualTo("2.1.97");
        assertThat(r.cwd()).isEqualTo("/w");
        assertThat(r.projectDir()).isEqualTo("-p");
        assertThat(r.sourceOffset()).isEqualTo(42);
        assertThat(r.costSource()).isEqualTo(CostSource.UNPRICED);
    }

    @Test
    void scalarCacheCreationCountsAsFiveMinuteWritesWithoutBreakdown() {
        UsageRecord r = usage("{\"type\":\"assistant\",\"sessionId\":\"s\",\"timestamp\":\"2025-06-04T21:42:41.044Z\","
                + "\"message\":{\"id\":\"m\",\"model\":\"claude-sonnet-4-20250514\",\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":4,\"cache_creation_input_tokens\":13875,"
                + "\"cache_read_input_tokens\":0,\"output_tokens\":2}}}");
        assertThat(r.tokens()).isEqualTo(new TokenCounts(4, 2, 13875, 0, 0));
        assertThat(r.key().requestId()).isEmpty();
        assertThat(r.stopReasonSet()).isFalse();
    }

    @Test
    void syntheticEntriesCarryZeroTokens() {
        UsageRecord r = usage("{\"type\":\"assistant\",\"sessionId\":\"s\",\"timestamp\":\"2025-06-04T21:42:41.044Z\","
                + "\"message\":{\"id\":\"4b1f-uuid\",\"model\":\"<synthetic>\",\"usage\":{\"input_tokens\":7,"
                + "\"output_tokens\":9}}}");
        assertThat(r.synthetic()).isTrue();
        assertThat(r.tokens()).isEqualTo(TokenCounts.ZERO);
    }

    @Test
    void lineWithoutSessionIdFallsBackToThePathSession() {
        UsageRecord r = usage("{\"type\":\"assistant\",\"timestamp\":\"2025-06-04T21:42:41+02:00\","
                + "\"message\":{\"id\":\"m\",\"model\":\"x\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}");
        assertThat(r.sessionId()).isEqualTo("s");
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2025-06-04T19:42:41Z"));
    }

    @Test
    void costStateLineIsReadWithItsModels() {
        ParsedLine p = parse("{\"type\":\"cost-state\",\"sessionId\":\"s1\",\"totalCostUSD\":0.5,\"modelUsage\":"
                + "{\"claude-opus-5-5\":{\"inputTokens\":10,\"outputTokens\":20,\"cacheReadInputTokens\":30,"
                + "\"cacheCreationInputTokens\":40,\"cacheCreationEphemeral5mInputTokens\":15,"
                + "\"cacheCreationEphemeral1hInputTokens\":25,\"costUSD\":0.5}}}");
        assertThat(p).isInstanceOf(ParsedLine.CostState.class);
        SessionCostState cs = ((ParsedLine.CostState) p).state();
        assertThat(cs.sessionId()).isEqualTo("s1");
        assertThat(cs.modelCosts().get("claude-opus-5-5").costUsd()).isEqualTo(0.5);
        assertThat(cs.modelCosts().get("claude-opus-5-5").tokens()).isEqualTo(new TokenCounts(10, 20, 15, 25, 30));
    }

    @Test
    void linesWithoutUsageAreIgnoredWithoutParsing() {
        assertThat(parse("{\"type\":\"user\",\"message\":{\"content\":\"hi\"}}")).isSameAs(ParsedLine.IGNORED);
        assertThat(parse("not json at all")).isSameAs(ParsedLine.IGNORED);
    }

    @Test
    void progressAndUserLinesMentioningUsageAreNotBillingRecords() {
        assertThat(parse("{\"type\":\"progress\",\"data\":{\"message\":{\"message\":{\"id\":\"m\",\"usage\":"
                + "{\"input_tokens\":1,\"output_tokens\":1}}}},\"timestamp\":\"2025-01-01T00:00:00Z\"}"))
                .isInstanceOf(ParsedLine.Ignored.class);
        assertThat(parse("{\"type\":\"user\",\"toolUseResult\":{\"usage\":{\"input_tokens\":2,"
                + "\"output_tokens\":512}}}")).isInstanceOf(ParsedLine.Ignored.class);
    }

    @Test
    void brokenUsageLinesAreMalformedNotFatal() {
        String head = "{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"id\":\"m\","
                + "\"usage\":";
        assertThat(parse(head + "{\"input_tokens\":-5,\"output_tokens\":1}}}"))
                .isInstanceOf(ParsedLine.Malformed.class);
        assertThat(parse(head + "{\"input_tokens\":99999999999999999999999,\"output_tokens\":1}}}"))
                .isInstanceOf(ParsedLine.Malformed.class);
        assertThat(parse(head + "{\"input_tokens\":1.5,\"output_tokens\":1}}}"))
                .isInstanceOf(ParsedLine.Malformed.class);
        assertThat(parse(head + "{\"input_tokens\":1,\"output_tokens\":1")).isInstanceOf(ParsedLine.Malformed.class);
        assertThat(parse("{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1}}}"))
                .isInstanceOf(ParsedLine.Malformed.class); // no timestamp
        assertThat(parse("{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"usage\":"
                + "{\"input_tokens\":1}}}")).isInstanceOf(ParsedLine.Malformed.class); // no message.id
        assertThat(parse("{\"type\":\"assistant\",\"timestamp\":\"yesterday\",\"message\":{\"id\":\"m\",\"usage\":"
                + "{\"input_tokens\":1}}}")).isInstanceOf(ParsedLine.Malformed.class);
    }

    @Test
    void deeplyNestedLineIsRejectedWithoutStackOverflow() {
        String deep = "{\"usage\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(parse(deep)).isInstanceOf(ParsedLine.Malformed.class);
    }

    @Test
    void duplicatedKeysTakeTheLastValue() {
        UsageRecord r = usage("{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"id\":"
                + "\"m\",\"model\":\"a\",\"model\":\"b\",\"usage\":{\"input_tokens\":1,\"input_tokens\":2,"
                + "\"output_tokens\":3}}}");
        assertThat(r.model()).isEqualTo("b");
        assertThat(r.tokens().input()).isEqualTo(2);
    }

    @Test
    void invalidUtf8InContentDoesNotStopTheLine() {
        byte[] prefix = ("{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"id\":\"m\","
                + "\"content\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}}".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        line[prefix.length] = (byte) 0xC3;
        line[prefix.length + 1] = (byte) 0x28; // invalid continuation byte
        System.arraycopy(suffix, 0, line, prefix.length + 2, suffix.length);
        ParsedLine p = parser.parse(line, 0, line.length, ORIGIN, 0);
        // Either outcome is acceptable as long as nothing throws; Jackson skips the string without decoding.
        assertThat(p).isNotNull();
    }
}
