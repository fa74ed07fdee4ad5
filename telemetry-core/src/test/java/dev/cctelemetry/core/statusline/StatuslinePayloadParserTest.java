package dev.cctelemetry.core.statusline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatuslinePayloadParserTest {

    private final StatuslinePayloadParser parser = new StatuslinePayloadParser();

    @Test
    void readsTheSessionModelAndLimitsOfAPayloadAfterATurn() throws IOException {
        StatuslinePayload p = parse(resource("after-turn-2.1.328.json"));

        assertThat(p.complete()).isTrue();
        assertThat(p.sessionId()).contains("1d80c538-c2c1-4581-b868-0e7e63ed4b2b");
        assertThat(p.modelId()).contains("claude-opus-5-5");
        assertThat(p.modelLabel()).contains("Opus 5.5");
        assertThat(p.limits()).containsExactly(
                new LimitLevel(LimitWindow.FIVE_HOUR, 42, Instant.ofEpochSecond(1796670255)),
                new LimitLevel(LimitWindow.SEVEN_DAY, 17.3, Instant.ofEpochSecond(1796925855)));
    }

    @Test
    void aPayloadBeforeTheFirstPromptHasNoLimits() throws IOException {
        StatuslinePayload p = parse(resource("before-first-prompt.json"));

        assertThat(p.complete()).isTrue();
        assertThat(p.sessionId()).isPresent();
        assertThat(p.modelLabel()).contains("Opus 5.5");
        assertThat(p.limits()).isEmpty();
    }

    @Test
    void unknownKeysAndWindowsAreTakenAsTheyCome() {
        StatuslinePayload p = parse("""
                {"future":{"deep":[1,2,{"x":null}]},"session_id":"s1","model":{"display_name":"M","new":true},
                 "rate_limits":{"seven_day_opus":{"used_percentage":81.5,"resets_at":1796925855,"status":"warn"},
                  "spend_limit":{"used_percentage":120,"resets_at":1796925855,"used_usd":12,"limit_usd":10},
                  "five_hour":{"used_percentage":3,"resets_at":1796670255}},"tail":"x"}
                """);

        assertThat(p.complete()).isTrue();
        assertThat(p.limits()).extracting(l -> l.window().key())
                .containsExactly("five_hour", "seven_day_opus", "spend_limit");
        assertThat(p.limits().get(2).usedPercentage()).isEqualTo(120);
    }

    @Test
    void aCutPayloadKeepsWhatCameBeforeTheCutButIsIncomplete() {
        String whole = """
                {"session_id":"s1","model":{"display_name":"Opus"},"rate_limits":{"five_hour":{"used_percentage":42,"resets_at":1796670255},"seven_day":{"used_percentage":17""";
        StatuslinePayload p = parse(whole);

        assertThat(p.complete()).isFalse();
        assertThat(p.sessionId()).contains("s1");
        assertThat(p.modelLabel()).contains("Opus");
        assertThat(p.limits()).extracting(l -> l.window().key()).containsExactly("five_hour");
    }

    @Test
    void hostileValuesAreDroppedNotBelieved() {
        StatuslinePayload p = parse("""
                {"session_id":12,"model":"opus","rate_limits":{
                  "five_hour":{"used_percentage":"42","resets_at":1796670255},
                  "seven_day":{"used_percentage":1e308,"resets_at":1796925855},
                  "x; rm -rf /":{"used_percentage":5,"resets_at":1796925855},
                  "neg":{"used_percentage":-1,"resets_at":1796925855},
                  "old":{"used_percentage":5,"resets_at":12},
                  "nan":{"used_percentage":5},
                  "arr":[1,2]}}
                """);

        assertThat(p.complete()).isTrue();
        assertThat(p.sessionId()).isEmpty();
        assertThat(p.modelLabel()).isEmpty();
        assertThat(p.limits()).isEmpty();
    }

    @Test
    void controlCharactersInNamesArriveAsTheyAreForTheRendererToEscape() {
        StatuslinePayload p = parse("{\"model\":{\"display_name\":\"\\u001b]0;pwned\\u0007\\n\"}}");

        assertThat(p.modelLabel()).contains("\u001b]0;pwned\u0007\n");
    }

    @Test
    void aMemberNamedTwiceCountsTheLastTime() {
        StatuslinePayload p = parse("""
                {"rate_limits":{"five_hour":{"used_percentage":10,"resets_at":1796670255}},
                 "rate_limits":{"seven_day":{"used_percentage":20,"resets_at":1796925855}},
                 "session_id":"a","session_id":"b"}
                """);

        assertThat(p.sessionId()).contains("b");
        assertThat(p.limits()).extracting(l -> l.window().key()).containsExactly("seven_day");
    }

    @Test
    void garbageNotJsonDeepNestingAndHugeInputGiveNothing() {
        byte[] garbage = new byte[StatuslinePayloadParser.MAX_BYTES];
        new Random(7).nextBytes(garbage);
        assertThat(parser.parse(garbage, garbage.length)).isEqualTo(StatuslinePayload.EMPTY);
        assertThat(parse("")).isEqualTo(StatuslinePayload.EMPTY);
        assertThat(parse("[1,2,3]")).isEqualTo(StatuslinePayload.EMPTY);
        assertThat(parse("null")).isEqualTo(StatuslinePayload.EMPTY);
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"session_id\":\"s\"}";
        assertThat(parse(deep).sessionId()).isEmpty();
        String longName = "{\"model\":{\"display_name\":\"" + "x".repeat(100_000) + "\"},\"session_id\":\"s\"}";
        assertThat(parse(longName).complete()).isFalse();
    }

    @Test
    void aPayloadLargerThanTheBoundIsIncompleteButItsHeadIsRead() {
        byte[] head = "{\"session_id\":\"s1\",\"pad\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] big = Arrays.copyOf(head, StatuslinePayloadParser.MAX_BYTES + 10);
        Arrays.fill(big, head.length, big.length, (byte) 'x');

        StatuslinePayload p = parser.parse(big, big.length);

        assertThat(p.sessionId()).contains("s1");
        assertThat(p.complete()).isFalse();
    }

    @Test
    void trailingContentMakesAPayloadIncomplete() {
        assertThat(parse("{\"session_id\":\"s\"}\n").complete()).isTrue();
        assertThat(parse("{\"session_id\":\"s\"} {\"x\":1}").complete()).isFalse();
    }

    @Test
    void anEmptyOrOverlongIdIsNoId() {
        assertThat(parse("{\"session_id\":\"\"}").sessionId()).isEmpty();
        assertThat(parse("{\"session_id\":\"" + "a".repeat(201) + "\"}").sessionId()).isEqualTo(Optional.empty());
    }

    private StatuslinePayload parse(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, b.length);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StatuslinePayloadParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
