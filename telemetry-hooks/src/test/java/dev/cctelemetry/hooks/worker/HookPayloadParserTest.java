package dev.cctelemetry.hooks.worker;

import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HookPayloadParserTest {

    private final HookPayloadParser parser = new HookPayloadParser();

    private HookPayloadParser.Result parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sessionEndPayloadIsReadAndUnknownFieldsIgnored() {
        HookPayloadParser.Result r = parse("{\"session_id\":\"" + SESSION_A + "\",\"transcript_path\":\"/x/"
                + SESSION_A + ".jsonl\",\"cwd\":\"/w\",\"hook_event_name\":\"SessionEnd\",\"reason\":\"other\","
                + "\"effort\":{\"level\":\"high\"},\"prompt_id\":7}");

        assertThat(r).isEqualTo(new HookPayloadParser.Result.Parsed(
                new HookPayload(SESSION_A, "/x/" + SESSION_A + ".jsonl", "/w", "SessionEnd", "other")));
    }

    @Test
    void payloadOf2025WithoutCwdOrReasonIsAccepted() {
        HookPayloadParser.Result r = parse("{\"session_id\":\"" + SESSION_A
                + "\",\"transcript_path\":\"/x.jsonl\",\"hook_event_name\":\"Stop\",\"stop_hook_active\":true}");

        assertThat(r).isInstanceOfSatisfying(HookPayloadParser.Result.Parsed.class,
                p -> assertThat(p.payload().cwd()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "\"text\"", "{\"session_id\":", "{} {}", "{\"session_id\":1}",
        "{\"cwd\":\"/w\"}"})
    void whatIsNotOnePayloadObjectIsRejected(String json) {
        assertThat(parse(json)).isInstanceOf(HookPayloadParser.Result.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123", "$(touch pwned)", "0a8d1f33-5b2c-4d7e-9f10-2c3b4a5d6e7f\\n",
        "0a8d1f33-5b2c-4d7e-9f10-2c3b4a5d6e7f; rm -rf ~", "../../etc/passwd", "0a8d1f33-5b2c-4d7e-9f10-2c3b4a5d6e7",
        "0a8d1f33_5b2c_4d7e_9f10_2c3b4a5d6e7f", "0a8d1f33-5b2c-4d7e-9f10-2c3b4a5d6e7g"})
    void sessionIdThatIsNotAUuidIsRejected(String session) {
        HookPayloadParser.Result r = parse("{\"session_id\":\"" + session + "\"}");

        assertThat(r).isEqualTo(new HookPayloadParser.Result.Rejected("session_id is not a UUID"));
    }

    @Test
    void transcriptPathThatIsNotAStringIsRejected() {
        assertThat(parse("{\"session_id\":\"" + SESSION_A + "\",\"transcript_path\":[\"/a\"]}"))
                .isInstanceOf(HookPayloadParser.Result.Rejected.class);
    }

    @Test
    void deeplyNestedPayloadIsRejectedNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThat(parse("{\"session_id\":\"" + SESSION_A + "\",\"x\":" + deep + "}"))
                .isInstanceOf(HookPayloadParser.Result.Rejected.class);
    }
}
