package dev.cctelemetry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedValuesTest {

    private static String of(RepeatedValues values, String s) {
        byte[] bytes = ("xx" + s + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return values.of(bytes, 2, bytes.length - 4);
    }

    @Test
    void aValueSeenBeforeIsHandedOutAsTheSameInstance() {
        RepeatedValues values = new RepeatedValues();
        String first = of(values, "/home/dev/project");
        String again = of(values, "/home/dev/project");
        assertThat(again).isSameAs(first).isEqualTo("/home/dev/project");
    }

    @Test
    void everyValueComesBackEqualWhateverCollidesOrIsTooLongToKeep() {
        RepeatedValues values = new RepeatedValues();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seen.add("value-" + i);
        }
        seen.add("x".repeat(10_000));
        seen.add("");
        for (int round = 0; round < 2; round++) {
            for (String s : seen) {
                assertThat(of(values, s)).isEqualTo(s);
            }
        }
    }

    @Test
    void parsedRecordsOfOneFileShareTheirRepeatedStrings() {
        TranscriptLineParser parser = new TranscriptLineParser();
        LineOrigin origin = new LineOrigin("/c", "/c/projects/p/s.jsonl", "p", "s");
        RepeatedValues values = new RepeatedValues();
        String line = "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"cwd\":\"/home/dev/p\",\"version\":\"2.0.1\","
                + "\"timestamp\":\"2025-08-01T10:00:01.000Z\",\"requestId\":\"req_%d\",\"message\":{\"id\":\"msg_%d\","
                + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}}";
        UsageRecord a = usage(parser.parseCandidate(bytes(line, 1), 0, bytes(line, 1).length, origin, 0, values));
        UsageRecord b = usage(parser.parseCandidate(bytes(line, 2), 0, bytes(line, 2).length, origin, 99, values));
        assertThat(b.cwd()).isSameAs(a.cwd());
        assertThat(b.sessionId()).isSameAs(a.sessionId());
        assertThat(b.model()).isSameAs(a.model());
        assertThat(b.key()).isNotEqualTo(a.key());
    }

    private static byte[] bytes(String template, int n) {
        return String.format(template, n, n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static UsageRecord usage(ParsedLine line) {
        assertThat(line).isInstanceOf(ParsedLine.Usage.class);
        return ((ParsedLine.Usage) line).record();
    }
}
