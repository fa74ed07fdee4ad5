package dev.cctelemetry.core.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one JSONL transcript line into a {@link ParsedLine}. A pure function of the bytes: thread-safe, no I/O.
 *
 * <p>Only {@code type == "assistant"} lines with {@code message.usage} are billing records, and only
 * {@code cost-state} lines carry Claude Code's own totals. A cheap byte filter ({@link #mayCarryUsage}) lets the
 * reader skip every other line without parsing it. Within a candidate line, the streaming parser reads the few
 * fields needed and skips everything else (content blocks, tool results) without building objects.
 */
public final class TranscriptLineParser {

    private static final byte[] USAGE = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] COST_STATE = "cost-state".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Deeper than any real transcript; a hostile line must not exhaust the stack. */
    private static final int MAX_NESTING = 200;

    private final JsonFactory factory;

    /** A parser with its own Jackson factory. */
    public TranscriptLineParser() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
    }

    /**
     * Byte strings of which a usage or cost-state line contains at least one; a reader can skip every other
     * line without handing it to {@link #parseCandidate}. {@code usage"} rather than {@code "usage"}: a needle
     * that starts with a rare byte is found several times faster when the JIT does not vectorize the search
     * (the launcher runs C1 only), and a few extra candidates only cost a parse.
     */
    public static final java.util.List<String> CANDIDATE_NEEDLES = java.util.List.of("usage\"", "cost-state");

    /** Whether the line might be a usage or cost-state line; false means it surely is neither. */
    public static boolean mayCarryUsage(byte[] buf, int off, int len) {
        return ByteSearch.contains(buf, off, len, USAGE) || ByteSearch.contains(buf, off, len, COST_STATE);
    }

    /**
     * Parses one line (without its newline).
     *
     * @param buf bytes holding the line
     * @param off where the line starts
     * @param len its length in bytes
     * @param origin the file the line was read from
     * @param offset byte offset of the line in that file
     */
    public ParsedLine parse(byte[] buf, int off, int len, LineOrigin origin, long offset) {
        if (!mayCarryUsage(buf, off, len)) {
            return ParsedLine.IGNORED;
        }
        return parseCandidate(buf, off, len, origin, offset);
    }

    /**
     * Parses a line already known to contain one of {@link #CANDIDATE_NEEDLES} (skips the byte filter).
     *
     * @see #parse
     */
    public ParsedLine parseCandidate(byte[] buf, int off, int len, LineOrigin origin, long offset) {
        return parseCandidate(buf, off, len, origin, offset, new RepeatedValues());
    }

    /**
     * Parses a candidate line, taking values repeated from line to line from {@code repeated} (one per file).
     *
     * @see #parseCandidate(byte[], int, int, LineOrigin, long)
     */
    public ParsedLine parseCandidate(byte[] buf, int off, int len, LineOrigin origin, long offset,
            RepeatedValues repeated) {
        try (JsonParser p = factory.createParser(buf, off, len)) {
            return read(p, origin, offset, repeated);
        } catch (JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("Invalid UTF-8")) {
                // A corrupt byte (in a tool result, say) must not cost the line its usage: decode leniently, with
                // U+FFFD for what is not UTF-8, and read again. Only this rare path pays for decoding.
                try (JsonParser p = factory.createParser(new String(buf, off, len, StandardCharsets.UTF_8))) {
                    return read(p, origin, offset, repeated);
                } catch (IOException | RuntimeException again) {
                    return new ParsedLine.Malformed(again.getClass().getSimpleName());
                }
            }
            return new ParsedLine.Malformed(e.getClass().getSimpleName());
        } catch (IOException | RuntimeException e) {
            return new ParsedLine.Malformed(e.getClass().getSimpleName());
        }
    }

    private static ParsedLine read(JsonParser p, LineOrigin origin, long offset, RepeatedValues repeated)
            throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return new ParsedLine.Malformed("not a JSON object");
        }
        LineFields f = new LineFields();
        if (!readRoot(p, f, repeated)) {
            return ParsedLine.IGNORED;
        }
        return f.toParsedLine(origin, offset);
    }

    /**
     * Reads the root object's fields.
     *
     * @return false when it stopped early because the line's top-level {@code type} is known to carry no billing
     *     record: user lines (three quarters of a transcript's bytes: tool results) write {@code type} before
     *     their content, so they are dismissed after a few hundred bytes, exactly, without scanning the rest
     */
    private static boolean readRoot(JsonParser p, LineFields f, RepeatedValues repeated) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> {
                    f.type = repeated(p, t, repeated);
                    if (!"assistant".equals(f.type) && !"cost-state".equals(f.type)) {
                        return false;
                    }
                }
                case "sessionId" -> f.sessionId = repeated(p, t, repeated);
                case "timestamp" -> f.timestamp = text(p, t);
                case "version" -> f.version = repeated(p, t, repeated);
                case "cwd" -> f.cwd = repeated(p, t, repeated);
                case "requestId" -> f.requestId = text(p, t);
                case "agentId" -> f.agentId = repeated(p, t, repeated);
                case "isSidechain" -> f.sidechain = t == JsonToken.VALUE_TRUE;
                case "costUSD" -> f.legacyCostUsd = t.isNumeric() ? p.getDoubleValue() : null;
                case "message" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readMessage(p, f, repeated);
                    } else {
                        p.skipChildren();
                    }
                }
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
        return true;
    }

    private static void readMessage(JsonParser p, LineFields f, RepeatedValues repeated) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> f.messageId = text(p, t);
                case "model" -> f.model = repeated(p, t, repeated);
                case "stop_reason" -> f.stopReasonSet = t != JsonToken.VALUE_NULL;
                case "usage" -> {
                    if (t == JsonToken.START_OBJECT) {
                        f.usage = readUsage(p, repeated);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static UsageFields readUsage(JsonParser p, RepeatedValues repeated) throws IOException {
        UsageFields u = new UsageFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "input_tokens" -> u.input = count(p, t);
                case "output_tokens" -> u.output = count(p, t);
                case "cache_creation_input_tokens" -> u.cacheCreation = count(p, t);
                case "cache_read_input_tokens" -> u.cacheRead = count(p, t);
                case "speed" -> u.speed = repeated(p, t, repeated);
                case "service_tier" -> u.serviceTier = repeated(p, t, repeated);
                case "cache_creation" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readCacheCreation(p, u);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return u;
    }

    private static void readCacheCreation(JsonParser p, UsageFields u) throws IOException {
        u.hasBreakdown = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "ephemeral_5m_input_tokens" -> u.write5m = count(p, t);
                case "ephemeral_1h_input_tokens" -> u.write1h = count(p, t);
                default -> p.skipChildren();
            }
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
            long in = 0;
            long out = 0;
            long cr = 0;
            long cc = 0;
            long c5 = -1;
            long c1 = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "costUSD" -> cost = t.isNumeric() ? p.getDoubleValue() : 0;
                    case "inputTokens" -> in = count(p, t);
                    case "outputTokens" -> out = count(p, t);
                    case "cacheReadInputTokens" -> cr = count(p, t);
                    case "cacheCreationInputTokens" -> cc = count(p, t);
                    case "cacheCreationEphemeral5mInputTokens" -> c5 = count(p, t);
                    case "cacheCreationEphemeral1hInputTokens" -> c1 = count(p, t);
                    default -> p.skipChildren();
                }
            }
            TokenCounts tokens = c5 >= 0 || c1 >= 0
                    ? new TokenCounts(in, out, Math.max(c5, 0), Math.max(c1, 0), cr)
                    : new TokenCounts(in, out, cc, 0, cr);
            result.put(model, new SessionCostState.ModelCost(cost, tokens));
        }
        return result;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A string value that lines repeat, taken from {@code repeated} without a new copy when seen before. */
    private static String repeated(JsonParser p, JsonToken t, RepeatedValues repeated) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return repeated.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        p.skipChildren();
        return null;
    }

    /** A token count: a non-negative integer that fits in a long, else the line is malformed. */
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

    /** The fields of one line that matter, as read. */
    private static final class LineFields {
        String type;
        String sessionId;
        String timestamp;
        String version;
        String cwd;
        String requestId;
        String agentId;
        boolean sidechain;
        Double legacyCostUsd;
        String messageId;
        String model;
        boolean stopReasonSet;
        UsageFields usage;
        Map<String, SessionCostState.ModelCost> modelUsage;

        ParsedLine toParsedLine(LineOrigin origin, long offset) {
            String session = sessionId == null || sessionId.isEmpty() ? origin.fallbackSessionId() : sessionId;
            if ("cost-state".equals(type)) {
                if (modelUsage == null) {
                    return new ParsedLine.Malformed("cost-state without modelUsage");
                }
                return new ParsedLine.CostState(
                        new SessionCostState(session, modelUsage, origin.sourceFile(), offset));
            }
            if (!"assistant".equals(type) || usage == null) {
                return ParsedLine.IGNORED;
            }
            if (messageId == null || messageId.isEmpty()) {
                return new ParsedLine.Malformed("usage without message.id");
            }
            if (timestamp == null) {
                return new ParsedLine.Malformed("usage without timestamp");
            }
            Instant at;
            try {
                at = IsoTimestamp.parse(timestamp);
            } catch (DateTimeParseException e) {
                return new ParsedLine.Malformed("bad timestamp");
            }
            String modelId = model == null ? "" : model;
            TokenCounts tokens = UsageRecord.SYNTHETIC_MODEL.equals(modelId) ? TokenCounts.ZERO : usage.tokens();
            UsageRecord record = new UsageRecord(
                    new UsageKey(messageId, requestId == null ? "" : requestId),
                    session, origin.projectDir(), orEmpty(cwd), at, modelId, tokens,
                    orEmpty(usage.speed), orEmpty(usage.serviceTier), orEmpty(version), sidechain,
                    orEmpty(agentId), stopReasonSet, origin.configRoot(), origin.sourceFile(), offset,
                    legacyCostUsd == null ? 0 : legacyCostUsd,
                    legacyCostUsd == null ? CostSource.UNPRICED : CostSource.TRANSCRIPT);
            return new ParsedLine.Usage(record);
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    /** The usage object as read. */
    private static final class UsageFields {
        long input;
        long output;
        long cacheCreation;
        long cacheRead;
        boolean hasBreakdown;
        long write5m;
        long write1h;
        String speed;
        String serviceTier;

        TokenCounts tokens() {
            // The nested breakdown is authoritative when present: Claude Code 2.1.152 fixed a scalar that read 0
            // while the breakdown held the writes. Without it, every write is a 5-minute write.
            return hasBreakdown
                    ? new TokenCounts(input, output, write5m, write1h, cacheRead)
                    : new TokenCounts(input, output, cacheCreation, 0, cacheRead);
        }
    }
}
