package dev.cctelemetry.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonTreeReader} gives exactly the tree, or the error, that {@code new ObjectMapper().readTree} gives. */
class JsonTreeReaderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "{\"machine_id\":\"7ebf25b2\",\"machine_name\":\"vm\",\"store\":{\"url\":\"jdbc:x\",\"port\":5432}}",
        "{\"a\":1,\"b\":-2147483648,\"c\":2147483648,\"d\":-9223372036854775808,\"e\":9223372036854775808}",
        "{\"f\":1.5,\"g\":-0.0,\"h\":1e3,\"i\":1E-7,\"j\":0.1,\"k\":123456789012345678901234567890.5,\"l\":1e400}",
        "{\"t\":true,\"f\":false,\"n\":null,\"s\":\"\\u00e9\\n\\\"q\\\"\",\"e\":\"\"}",
        "{\"dup\":1,\"x\":2,\"dup\":\"last\"}", "{\"dup\":{\"a\":1},\"dup\":[1]}",
        "[1,[2,[3,[4,{}]]],{\"a\":[]},null,\"s\",true]", "  \n\t{\"ws\" : [ 1 , 2 ] }  ", "\"just text\"", "42",
        "-7", "3.25", "true", "null", "{} trailing garbage", "[1] [2]", "\uFEFF{\"bom\":1}",
        "{\"prices\":{\"claude-opus-4\":{\"input\":15,\"output\":75,\"cache_read\":1.5}},\"version\":\"2026-12-01\"}"})
    void readsWhatTheObjectMapperReads(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = new ObjectMapper().readTree(bytes);

        JsonNode read = JsonTreeReader.read(bytes);

        assertSameTree(read, expected);
        assertSameTree(JsonTreeReader.read(new ByteArrayInputStream(bytes)), new ObjectMapper().readTree(
                new ByteArrayInputStream(bytes)));
        Path file = Files.write(tmp.resolve("f.json"), bytes);
        assertSameTree(JsonTreeReader.read(file), new ObjectMapper().readTree(file.toFile()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void noValueIsAMissingNodeAsForTheObjectMapper(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(JsonTreeReader.read(bytes).isMissingNode()).isTrue();
        assertThat(new ObjectMapper().readTree(bytes).isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":", "{\"a\" 1}", "[1,2", "{\"a\":1,}", "[1,]", "nul", "{'a':1}", "{a:1}",
        "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"unterminated}", "}", "\u0000"})
    void failsWhereTheObjectMapperFailsWithTheSameMessage(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Throwable expected = org.assertj.core.api.Assertions.catchThrowable(() -> new ObjectMapper().readTree(bytes));
        assertThat(expected).as("the object mapper refuses " + json).isInstanceOf(IOException.class);

        assertThatThrownBy(() -> JsonTreeReader.read(bytes)).isInstanceOf(expected.getClass())
                .hasMessage(expected.getMessage());
    }

    @Test
    void readsTheShippedPriceTableAsTheObjectMapperDoes() throws IOException {
        try (var a = getClass().getResourceAsStream("/dev/cctelemetry/core/pricing/prices.json");
                var b = getClass().getResourceAsStream("/dev/cctelemetry/core/pricing/prices.json")) {
            assertSameTree(JsonTreeReader.read(a), new ObjectMapper().readTree(b));
        }
    }

    /** Equal, node type by node type (an int node is not a long node), keys in the same order. */
    private static void assertSameTree(JsonNode actual, JsonNode expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
            Iterator<Map.Entry<String, JsonNode>> e = expected.properties().iterator();
            while (e.hasNext()) {
                Map.Entry<String, JsonNode> x = e.next();
                Map.Entry<String, JsonNode> y = a.next();
                assertThat(y.getKey()).isEqualTo(x.getKey());
                assertSameTree(y.getValue(), x.getValue());
            }
            assertThat(a.hasNext()).isFalse();
        } else if (expected.isArray()) {
            assertThat(actual.size()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i));
            }
        }
    }
}
