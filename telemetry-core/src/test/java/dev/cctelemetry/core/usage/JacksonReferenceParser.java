package dev.cctelemetry.core.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference {@link TranscriptLineParser} is held to: the Jackson streaming reader the project used before
 * {@link JsonCursor}, kept in the tests so that a property test can compare the two on any bytes. It reads the same
 * fields into the same {@link LineFields}; Jackson decides what is JSON. One correction from that history: a value
 * of an unexpected type under {@code costUSD}, {@code isSidechain} or {@code stop_reason} (an object, say) is
 * skipped whole, where the old reader went on reading inside it as if its fields were the line's own.
 */
final class JacksonReferenceParser {

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonCursor.MAX_DEPTH).build())
            .build();

    /**
     * What the line is, by Jackson's reading; a line Jackson refuses is malformed (reason: the exception). A line
     * that is not valid UTF-8 is read as its lenient decoding, U+FFFD for each bad sequence: that is the contract
     * (corrupt bytes never cost a line its usage, and never change its structure). Jackson's byte reader itself
     * does otherwise on such lines: a bad lead byte in a field name swallows the closing quote, and overlong
     * forms pass as characters.
     */
    ParsedLine parse(byte[] buf, int off, int len, LineOrigin origin, long offset) {
        try (JsonParser p = validUtf8(buf, off, len) ? factory.createParser(buf, off, len)
                : factory.createParser(new String(buf, off, len, StandardCharsets.UTF_8))) {
            return read(p, origin, offset);
        } catch (IOException | RuntimeException e) {
            return new ParsedLine.Malformed(e.getClass().getSimpleName());
        }
    }

    private static boolean validUtf8(byte[] buf, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ParsedLine read(JsonParser p, LineOrigin origin, long offset) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return new ParsedLine.Malformed("not a JSON object");
        }
        LineFields f = new LineFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> {
                    f.type = text(p, t);
                    if (!"assistant".equals(f.type) && !"cost-state".equals(f.type)) {
                        return ParsedLine.IGNORED;
                    }
                }
                case "sessionId" -> f.sessionId = text(p, t);
                case "timestamp" -> f.timestamp = text(p, t);
                case "version" -> f.version = text(p, t);
                case "cwd" -> f.cwd = text(p, t);
                case "requestId" -> f.requestId = text(p, t);
                case "agentId" -> f.agentId = text(p, t);
                case "isSidechain" -> {
                    f.sidechain = t == JsonToken.VALUE_TRUE;
                    p.skipChildren();
                }
                case "costUSD" -> f.legacyCostUsd = t.isNumeric() ? Double.valueOf(p.getDoubleValue()) : skippedNull(p);
                case "message" -> readObject(p, t, name2 -> readMessageField(p, name2, f));
                case "modelUsage" -> {
                    if (t == JsonToken.START_OBJECT) {
                        f.modelUsage = readModelUsage(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("truncated object");
        }
        return f.toParsedLine(origin, offset);
    }

    /** Reads each field of the object at {@code t} with {@code field}, or skips a value that is not an object. */
    private static void readObject(JsonParser p, JsonToken t, FieldReader field) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            field.read(p.currentName());
        }
    }

    @FunctionalInterface
    private interface FieldReader {
        void read(String name) throws IOException;
    }

    private static void readMessageField(JsonParser p, String name, LineFields f) throws IOException {
        JsonToken t = p.nextToken();
        switch (name) {
            case "id" -> f.messageId = text(p, t);
            case "model" -> f.model = text(p, t);
            case "stop_reason" -> {
                f.stopReasonSet = t != JsonToken.VALUE_NULL;
                p.skipChildren();
            }
            case "usage" -> {
                if (t == JsonToken.START_OBJECT) {
                    f.usage = new LineFields.UsageFields();
                }
                readObject(p, t, n -> readUsageField(p, n, f.usage));
            }
            default -> p.skipChildren();
        }
    }

    private static void readUsageField(JsonParser p, String name, LineFields.UsageFields u) throws IOException {
        JsonToken t = p.nextToken();
        switch (name) {
            case "input_tokens" -> u.input = count(p, t);
            case "output_tokens" -> u.output = count(p, t);
            case "cache_creation_input_tokens" -> u.cacheCreation = count(p, t);
            case "cache_read_input_tokens" -> u.cacheRead = count(p, t);
            case "speed" -> u.speed = text(p, t);
            case "service_tier" -> u.serviceTier = text(p, t);
            case "cache_creation" -> {
                if (t == JsonToken.START_OBJECT) {
                    u.hasBreakdown = true;
                }
                readObject(p, t, n -> {
                    JsonToken v = p.nextToken();
                    switch (n) {
                        case "ephemeral_5m_input_tokens" -> u.write5m = count(p, v);
                        case "ephemeral_1h_input_tokens" -> u.write1h = count(p, v);
                        default -> p.skipChildren();
                    }
                });
            }
            default -> p.skipChildren();
        }
    }

    private static Map<String, SessionCostState.ModelCost> readModelUsage(JsonParser p) throws IOException {
        Map<String, SessionCostState.ModelCost> result = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String model = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            double cost = 0;
            long[] n = {0, 0, 0, 0, -1, -1}; // in, out, cache read, cache creation, 5m, 1h
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "costUSD" -> cost = t.isNumeric() ? p.getDoubleValue() : skippedZero(p);
                    case "inputTokens" -> n[0] = count(p, t);
                    case "outputTokens" -> n[1] = count(p, t);
                    case "cacheReadInputTokens" -> n[2] = count(p, t);
                    case "cacheCreationInputTokens" -> n[3] = count(p, t);
                    case "cacheCreationEphemeral5mInputTokens" -> n[4] = count(p, t);
                    case "cacheCreationEphemeral1hInputTokens" -> n[5] = count(p, t);
                    default -> p.skipChildren();
                }
            }
            TokenCounts tokens = LineFields.modelTokens(n[0], n[1], n[2], n[3], n[4], n[5]);
            result.put(model, new SessionCostState.ModelCost(cost, tokens));
        }
        return result;
    }

    private static Double skippedNull(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static double skippedZero(JsonParser p) throws IOException {
        p.skipChildren();
        return 0;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static long count(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException("token count is not an integer");
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw new IOException("negative token count");
        }
        return v;
    }
}
