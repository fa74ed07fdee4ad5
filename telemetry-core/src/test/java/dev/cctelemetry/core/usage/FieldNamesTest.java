package dev.cctelemetry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private static final List<String> NAMES = List.of("type", "message", "sessionId", "timestamp", "version", "cwd",
            "requestId", "agentId", "isSidechain", "costUSD", "modelUsage", "id", "stop_reason", "usage",
            "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens");

    private static int find(FieldNames names, String name) {
        byte[] padded = ("{\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
        return names.indexOf(padded, 2, padded.length - 4);
    }

    @Test
    void everyNameIsFoundByItsBytesAndItsDecodedForm() {
        FieldNames names = new FieldNames(NAMES);
        for (int i = 0; i < NAMES.size(); i++) {
            assertThat(find(names, NAMES.get(i))).as(NAMES.get(i)).isEqualTo(i);
            assertThat(names.indexOf(NAMES.get(i))).isEqualTo(i);
        }
    }

    @Test
    void otherNamesAreUnknownEvenWhenTheyLookAlike() {
        FieldNames names = new FieldNames(NAMES);
        for (String other : List.of("", "t", "typ", "types", "Type", "ephemeral_5m_input_tokenz",
                "ephemeral_9h_input_tokens", "parentUuid", "uuid", "gitBranch", "content", "sessionID", "t\u00e9pe")) {
            assertThat(find(names, other)).as(other).isEqualTo(FieldNames.UNKNOWN);
            assertThat(names.indexOf(other)).as(other).isEqualTo(FieldNames.UNKNOWN);
        }
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertThatThrownBy(() -> new FieldNames(List.of("a", "b", "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
