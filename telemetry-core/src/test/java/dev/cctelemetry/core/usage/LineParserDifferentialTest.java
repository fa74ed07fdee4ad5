package dev.cctelemetry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Holds the byte-level line parser ({@link TranscriptLineParser} on {@link JsonCursor}) to Jackson's reading
 * ({@link JacksonReferenceParser}): for any bytes, both say the same thing of a line — the same record, cost-state
 * or nothing, and malformed exactly when the other says malformed (the reasons are worded differently). Lines come
 * from real transcripts, from edits of them, from generated JSON with every value shape and escape, and from raw
 * bytes.
 */
class LineParserDifferentialTest {

    private static final LineOrigin ORIGIN = new LineOrigin("/r", "/r/projects/-p/s.jsonl", "-p", "s");

    /** Lines of every kind the parser must tell apart, as Claude Code writes them. */
    private static final List<String> SEEDS = List.of(
            "{\"parentUuid\":\"6a97fc36\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/a\","
                    + "\"sessionId\":\"4e5fbe0d\",\"version\":\"2.0.36\",\"gitBranch\":\"main\",\"message\":{\"model\":"
                    + "\"claude-opus-4-5-20251101\",\"id\":\"msg_01rh\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"f Path \\\"q\\\" \\u00e9\\n\"}],\"stop_reason\":"
                    + "\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":21,"
                    + "\"cache_creation_input_tokens\":66,\"cache_read_input_tokens\":24865,\"cache_creation\":"
                    + "{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":66},\"output_tokens\":1367,"
                    + "\"service_tier\":\"standard\",\"speed\":\"fast\"}},\"requestId\":\"req_011C\",\"type\":"
                    + "\"assistant\",\"uuid\":\"8ba1f854\",\"timestamp\":\"2025-11-23T22:35:07.910Z\"}",
            "{\"type\":\"assistant\",\"isSidechain\":true,\"agentId\":\"a1\",\"costUSD\":0.0123,\"sessionId\":\"s\","
                    + "\"timestamp\":\"2025-06-04T21:42:41+02:00\",\"message\":{\"id\":\"m\",\"model\":"
                    + "\"<synthetic>\",\"content\":[{\"type\":\"tool_use\",\"input\":{\"a\":[1,-2.5e3,true,null,"
                    + "{}]}}],\"usage\":{\"input_tokens\":4,\"cache_creation_input_tokens\":13875,"
                    + "\"cache_read_input_tokens\":0,\"output_tokens\":2}}}",
            "{\"type\":\"cost-state\",\"sessionId\":\"s1\",\"totalCostUSD\":0.5,\"modelUsage\":{\"claude-opus-5-5\":"
                    + "{\"inputTokens\":10,\"outputTokens\":20,\"cacheReadInputTokens\":30,"
                    + "\"cacheCreationInputTokens\":40,\"cacheCreationEphemeral5mInputTokens\":15,"
                    + "\"cacheCreationEphemeral1hInputTokens\":25,\"costUSD\":0.5},\"other\":{\"costUSD\":-0}}}",
            "{\"parentUuid\":null,\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":"
                    + "\"tool_result\",\"content\":\"line 1\\nline 2\\t\\u0001\"}]},\"toolUseResult\":{\"usage\":"
                    + "{\"input_tokens\":2}}}",
            "{\"type\":\"progress\",\"data\":{\"message\":{\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":1,"
                    + "\"output_tokens\":1}}}},\"timestamp\":\"2025-01-01T00:00:00Z\"}");

    private final TranscriptLineParser parser = new TranscriptLineParser();
    private final JacksonReferenceParser reference = new JacksonReferenceParser();

    private void assertSameReading(byte[] line) {
        ParsedLine expected = reference.parse(line, 0, line.length, ORIGIN, 7);
        ParsedLine actual = parser.parseCandidate(line, 0, line.length, ORIGIN, 7);
        String shown = new String(line, StandardCharsets.UTF_8);
        if (expected instanceof ParsedLine.Malformed) {
            assertThat(actual).as("for %s", shown).isInstanceOf(ParsedLine.Malformed.class);
        } else {
            assertThat(actual).as("for %s", shown).isEqualTo(expected);
        }
    }

    @Test
    void seedLinesReadTheSameAndAreNotAllMalformed() {
        for (String seed : SEEDS) {
            assertSameReading(seed.getBytes(StandardCharsets.UTF_8));
        }
        byte[] first = SEEDS.get(0).getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parseCandidate(first, 0, first.length, ORIGIN, 0)).isInstanceOf(ParsedLine.Usage.class);
    }

    @Test
    void everyLineOfTheSharedCorpusReadsTheSame() throws IOException {
        Path corpus = Path.of(System.getProperty("cct.shared.dir", "/nonexistent"), "corpus", "claude-transcripts");
        dev.cctelemetry.testing.RequiredInCi.assumeAvailable(Files.isDirectory(corpus),
                "corpus not found at " + corpus + "; skipping the corpus comparison");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        int usage = 0;
        for (Path f : files) {
            for (byte[] line : lines(Files.readAllBytes(f))) {
                assertSameReading(line);
                if (parser.parseCandidate(line, 0, line.length, ORIGIN, 0) instanceof ParsedLine.Usage) {
                    usage++;
                }
            }
        }
        assertThat(usage).as("usage lines in the corpus").isGreaterThan(500);
    }

    private static List<byte[]> lines(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                if (i > start) {
                    out.add(java.util.Arrays.copyOfRange(file, start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    @Property(tries = 3000)
    void editedLinesReadTheSame(@ForAll("editedSeeds") byte[] line) {
        assertSameReading(line);
    }

    @Property(tries = 3000)
    void generatedLinesReadTheSame(@ForAll("generatedLines") String line) {
        assertSameReading(line.getBytes(StandardCharsets.UTF_8));
    }

    /** One file's parser reads line after line: nothing of a line may stay behind for the next one. */
    @Property(tries = 500)
    void linesReadOneAfterAnotherByOneFilesParserReadTheSame(
            @ForAll("lineSequences") java.util.List<byte[]> lines) {
        TranscriptLineParser.FileLines file = parser.forFile();
        for (byte[] line : lines) {
            ParsedLine expected = reference.parse(line, 0, line.length, ORIGIN, 7);
            ParsedLine actual = file.parse(line, 0, line.length, ORIGIN, 7);
            if (expected instanceof ParsedLine.Malformed) {
                assertThat(actual).isInstanceOf(ParsedLine.Malformed.class);
            } else {
                assertThat(actual).as("for %s", new String(line, StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    @Provide
    Arbitrary<java.util.List<byte[]>> lineSequences() {
        Arbitrary<byte[]> line = Arbitraries.oneOf(editedSeeds(),
                generatedLines().map(l -> l.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(SEEDS).map(l -> l.getBytes(StandardCharsets.UTF_8)));
        return line.list().ofMinSize(2).ofMaxSize(8);
    }

    @Property(tries = 1000)
    void rawBytesAfterAnOpeningReadTheSame(@ForAll("rawLines") byte[] line) {
        assertSameReading(line);
    }

    @Test
    void limitsAreJacksonsToTheByte() {
        String head = "{\"type\":\"assistant\",\"x\":";
        for (int n : new int[] {999, 1000, 1001}) {
            assertSameReading((head + "1".repeat(n) + "}").getBytes(StandardCharsets.UTF_8));
            assertSameReading((head + "-" + "1".repeat(n) + "}").getBytes(StandardCharsets.UTF_8));
            assertSameReading((head + "1." + "1".repeat(n - 1) + "}").getBytes(StandardCharsets.UTF_8));
            assertSameReading((head + "1.1e" + "1".repeat(n - 2) + "}").getBytes(StandardCharsets.UTF_8));
        }
        for (int n : new int[] {49_999, 50_000, 50_001}) {
            assertSameReading(("{\"" + "a".repeat(n) + "\":1}").getBytes(StandardCharsets.UTF_8));
        }
        for (int n : new int[] {198, 199, 200, 201}) {
            assertSameReading((head + "[".repeat(n) + "]".repeat(n) + "}").getBytes(StandardCharsets.UTF_8));
            assertSameReading((head + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<byte[]> editedSeeds() {
        Arbitrary<byte[]> seed = Arbitraries.of(SEEDS).map(s -> s.getBytes(StandardCharsets.UTF_8));
        // Bytes that change the grammar, plus any byte at all.
        Arbitrary<Integer> interesting = Arbitraries.oneOf(
                Arbitraries.of((int) '{', (int) '}', (int) '[', (int) ']', (int) '"', (int) ':', (int) ',',
                        (int) '\\', (int) ' ', (int) '\t', (int) '\r', (int) '0', (int) '1', (int) '-', (int) '.',
                        (int) 'e', (int) 'u', (int) 'n', (int) 't', 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xEF, 0xFF),
                Arbitraries.integers().between(0, 255));
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2000), interesting,
                Arbitraries.integers().between(0, 2)).as((pos, b, kind) -> new int[] {pos, b, kind});
        return Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(6)).as((base, edits) -> {
            byte[] cur = base.clone();
            for (int[] e : edits) {
                int pos = e[0] % cur.length;
                if (e[2] == 0) {
                    cur[pos] = (byte) e[1];
                } else if (e[2] == 1) {
                    byte[] next = new byte[cur.length + 1];
                    System.arraycopy(cur, 0, next, 0, pos);
                    next[pos] = (byte) e[1];
                    System.arraycopy(cur, pos, next, pos + 1, cur.length - pos);
                    cur = next;
                } else if (cur.length > 1) {
                    byte[] next = new byte[cur.length - 1];
                    System.arraycopy(cur, 0, next, 0, pos);
                    System.arraycopy(cur, pos + 1, next, pos, cur.length - pos - 1);
                    cur = next;
                }
            }
            return cur;
        });
    }

    @Provide
    Arbitrary<String> generatedLines() {
        Arbitrary<String> ws = Arbitraries.of("", "", "", " ", "\t", "\r", " \t ");
        Arbitrary<String> countValue = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 5_000_000).map(String::valueOf),
                Arbitraries.of("0", "-0", "-1", "1.0", "1e2", "1E+2", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775808", "00", "01", "1.", ".5", "-", "+1", "null", "true", "\"5\"", "[]",
                        "{}", "{\"a\":1}", "NaN", "Infinity"));
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(LineParserDifferentialTest::quote),
                Arbitraries.of("\"\"", "\"a\\\"b\"", "\"\\u00e9\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\uZZZZ\"",
                        "\"\\x\"", "\"tab\there\"", "\"\\/\\b\\f\\n\\r\\t\"", "\"2025-08-01T10:00:01.123Z\"",
                        "\"2025-08-01T10:00:01+02:00\"", "\"2025-13-01T10:00:01Z\"", "\"unterminated",
                        "\"assistant\"", "\"cost-state\"", "\"user\"", "\"<synthetic>\"", "\"a\u00e9\u4e2d\""));
        Arbitrary<String> anyValue = Arbitraries.recursive(
                () -> Arbitraries.oneOf(countValue, text, Arbitraries.of("true", "false", "null", "-12.5e-3",
                        "tru", "nul", "1.5.5")),
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                        Combinators.combine(Arbitraries.of("a", "type", "usage", "id", "t\\u0079pe"), inner)
                                .as((k, v) -> "{\"" + k + "\":" + v + "}")),
                0, 3);
        Arbitrary<String> usageField = Combinators.combine(
                Arbitraries.of("input_tokens", "output_tokens", "cache_creation_input_tokens",
                        "cache_read_input_tokens", "speed", "service_tier", "cache_creation", "x",
                        "input_\\u0074okens"),
                Arbitraries.oneOf(countValue, text,
                        Combinators.combine(Arbitraries.of("ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens",
                                "z"), countValue).as((k, v) -> "{\"" + k + "\":" + v + "}")))
                .as((k, v) -> "\"" + k + "\":" + v);
        Arbitrary<String> usage = usageField.list().ofMaxSize(6).map(l -> "{" + String.join(",", l) + "}");
        Arbitrary<String> messageField = Combinators.combine(
                Arbitraries.of("id", "model", "stop_reason", "usage", "content", "role"),
                Arbitraries.oneOf(text, usage, anyValue)).as((k, v) -> "\"" + k + "\":" + v);
        Arbitrary<String> message = messageField.list().ofMaxSize(6).map(l -> "{" + String.join(",", l) + "}");
        Arbitrary<String> modelCost = Combinators.combine(
                Arbitraries.of("inputTokens", "outputTokens", "cacheReadInputTokens", "cacheCreationInputTokens",
                        "cacheCreationEphemeral5mInputTokens", "cacheCreationEphemeral1hInputTokens", "costUSD"),
                Arbitraries.oneOf(countValue, anyValue)).as((k, v) -> "\"" + k + "\":" + v)
                .list().ofMaxSize(5).map(l -> "{" + String.join(",", l) + "}");
        Arbitrary<String> modelUsage = Combinators.combine(Arbitraries.of("claude-x", "m\\u00e9", ""),
                Arbitraries.oneOf(modelCost, anyValue)).as((k, v) -> "\"" + k + "\":" + v)
                .list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}");
        Arbitrary<String> rootField = Combinators.combine(
                Arbitraries.of("type", "type", "message", "message", "sessionId", "timestamp", "timestamp",
                        "version", "cwd", "requestId", "agentId", "isSidechain", "costUSD", "modelUsage",
                        "parentUuid", "ty\\u0070e", "mess\\u0061ge"),
                Arbitraries.oneOf(text, message, anyValue, modelUsage, Arbitraries.of("\"assistant\"",
                        "\"cost-state\"")), ws)
                .as((k, v, w) -> w + "\"" + k + "\"" + w + ":" + w + v + w);
        return Combinators.combine(rootField.list().ofMaxSize(10), ws, Arbitraries.of("", "", "\uFEFF", "x", "[]"),
                Arbitraries.of("}", "}", "}", "", ",}", "}}", "} trailing")).as((fields, w, before, close) ->
                        (before.equals("[]") ? "[" : before) + w + "{" + String.join(",", fields) + close);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Provide
    Arbitrary<byte[]> rawLines() {
        return Combinators.combine(Arbitraries.of("{", "{\"type\":\"assistant\",\"message\":{\"usage\":{",
                "{\"message\":{\"id\":\"m\",\"content\":\"", "{\"type\":\"cost-state\",\"modelUsage\":{\"m\":"),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200)).as((prefix, tail) -> {
                    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[p.length + tail.length];
                    System.arraycopy(p, 0, out, 0, p.length);
                    System.arraycopy(tail, 0, out, p.length, tail.length);
                    return out;
                });
    }
}
