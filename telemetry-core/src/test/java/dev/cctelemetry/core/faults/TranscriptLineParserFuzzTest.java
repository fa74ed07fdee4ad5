package dev.cctelemetry.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.usage.LineOrigin;
import dev.cctelemetry.core.usage.ParsedLine;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the line parser (bounded: a few thousand tries, a few seconds) with random bytes and with mutations of a
 * real assistant line: random byte edits, and hostile values (huge, negative, fractional, textual, nested) spliced
 * into the token fields. The parser must never throw, never yield negative tokens or a total that overflowed, and
 * give the same answer for the same bytes.
 */
class TranscriptLineParserFuzzTest {

    private static final LineOrigin ORIGIN = new LineOrigin("/r", "/r/projects/-p/s.jsonl", "-p", "s");
    private static final String TEMPLATE = "{\"parentUuid\":\"p\",\"isSidechain\":false,\"sessionId\":\"s1\","
            + "\"version\":\"2.1.1\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-20250514\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\",\"usage\":"
            + "{\"input_tokens\":IN,\"cache_creation_input_tokens\":CW,\"cache_read_input_tokens\":CR,"
            + "\"output_tokens\":OUT,\"cache_creation\":{\"ephemeral_5m_input_tokens\":W5,"
            + "\"ephemeral_1h_input_tokens\":W1}}},\"requestId\":\"req_1\",\"type\":\"assistant\","
            + "\"timestamp\":\"2025-08-01T10:00:00.000Z\"}";
    private static final List<String> SLOTS = List.of("IN", "CW", "CR", "OUT", "W5", "W1");

    private final TranscriptLineParser parser = new TranscriptLineParser();

    @Property(tries = 700)
    void randomBytesNeverBreakTheParser(@ForAll("randomBytes") byte[] line) {
        check(line);
    }

    @Property(tries = 700)
    void hostileTokenValuesNeverGiveNegativeOrOverflowedCounts(@ForAll("hostileValueLines") String line) {
        check(line.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 700)
    void byteEditsOfARealLineNeverBreakTheParser(@ForAll("editedLines") byte[] line) {
        check(line);
    }

    private void check(byte[] line) {
        ParsedLine first = parser.parse(line, 0, line.length, ORIGIN, 0);
        ParsedLine again = parser.parse(line.clone(), 0, line.length, ORIGIN, 0);
        assertThat(again).isEqualTo(first);
        if (first instanceof ParsedLine.Usage u) {
            TokenCounts t = u.record().tokens();
            assertThat(List.of(t.input(), t.output(), t.cacheWrite5m(), t.cacheWrite1h(), t.cacheRead()))
                    .allSatisfy(v -> assertThat(v).isNotNegative());
            assertThat(t.total()).as("total of %s", t).isNotNegative();
        }
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        // Random bytes rarely pass the cheap "usage" filter; glue them to the markers so the JSON parser runs.
        return Combinators.combine(anyBytes, Arbitraries.of("", "\"usage\"", "{\"usage\":", "cost-state",
                "{\"type\":\"assistant\",\"message\":{\"usage\":{")).as((b, marker) -> {
                    byte[] m = marker.getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[m.length + b.length];
                    System.arraycopy(m, 0, out, 0, m.length);
                    System.arraycopy(b, 0, out, m.length, b.length);
                    return out;
                });
    }

    @Provide
    Arbitrary<String> hostileValueLines() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.longs().between(Long.MAX_VALUE / 4, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.of("9223372036854775807", "9223372036854775808", "-9223372036854775808",
                        "99999999999999999999999999", "-1", "0", "1e400", "1.5", "-0", "NaN", "null", "true",
                        "\"12\"", "[]", "{}", "[[[[1]]]]", "{\"a\":{\"b\":1}}", "00012", "1E2"));
        return value.list().ofSize(SLOTS.size()).map(values -> {
            String line = TEMPLATE;
            for (int i = 0; i < SLOTS.size(); i++) {
                line = line.replace(SLOTS.get(i), values.get(i));
            }
            return line;
        });
    }

    @Provide
    Arbitrary<byte[]> editedLines() {
        byte[] base = TEMPLATE.replace("IN", "3").replace("CW", "10").replace("CR", "20").replace("OUT", "5")
                .replace("W5", "10").replace("W1", "0").getBytes(StandardCharsets.UTF_8);
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, base.length - 1),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 2))
                .as((pos, b, kind) -> new int[] {pos, b, kind});
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            byte[] cur = base.clone();
            for (int[] e : edits) {
                int pos = Math.min(e[0], cur.length - 1);
                if (e[2] == 0) {
                    cur[pos] = (byte) e[1]; // replace
                } else if (e[2] == 1) {
                    byte[] next = new byte[cur.length + 1]; // insert
                    System.arraycopy(cur, 0, next, 0, pos);
                    next[pos] = (byte) e[1];
                    System.arraycopy(cur, pos, next, pos + 1, cur.length - pos);
                    cur = next;
                } else if (cur.length > 1) {
                    byte[] next = new byte[cur.length - 1]; // delete
                    System.arraycopy(cur, 0, next, 0, pos);
                    System.arraycopy(cur, pos + 1, next, pos, cur.length - pos - 1);
                    cur = next;
                }
            }
            return cur;
        });
    }
}
