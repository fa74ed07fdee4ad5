package dev.cctelemetry.core.usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSONL transcript line into a {@link ParsedLine}. A pure function of the bytes: thread-safe, no I/O.
 *
 * <p>Only {@code type == "assistant"} lines with {@code message.usage} are billing records, and only
 * {@code cost-state} lines carry Claude Code's own totals. A cheap byte filter ({@link #mayCarryUsage}) lets a
 * reader skip every other line without parsing it. Within a line, a {@link JsonCursor} reads the few fields
 * needed straight from the bytes and passes over everything else (content blocks, tool results), checking its
 * grammar but building nothing.
 */
public final class TranscriptLineParser {

    private static final byte[] USAGE = ascii("\"usage\"");
    private static final byte[] COST_STATE = ascii("cost-state");

    // The fields read at each level, numbered by their place in the list.
    private static final FieldNames ROOT = new FieldNames(List.of("type", "message", "sessionId", "timestamp",
            "version", "cwd", "requestId", "agentId", "isSidechain", "costUSD", "modelUsage"));
    private static final int TYPE = 0;
    private static final int MESSAGE = 1;
    private static final int SESSION_ID = 2;
    private static final int TIMESTAMP = 3;
    private static final int VERSION = 4;
    private static final int CWD = 5;
    private static final int REQUEST_ID = 6;
    private static final int AGENT_ID = 7;
    private static final int IS_SIDECHAIN = 8;
    private static final int COST_USD = 9;
    private static final int MODEL_USAGE = 10;

    private static final FieldNames MESSAGE_FIELDS = new FieldNames(List.of("id", "model", "stop_reason", "usage"));
    private static final int ID = 0;
    private static final int MODEL = 1;
    private static final int STOP_REASON = 2;
    private static final int USAGE_OBJECT = 3;

    private static final FieldNames USAGE_FIELDS = new FieldNames(List.of("input_tokens", "output_tokens",
            "cache_creation_input_tokens", "cache_read_input_tokens", "speed", "service_tier", "cache_creation"));
    private static final int INPUT_TOKENS = 0;
    private static final int OUTPUT_TOKENS = 1;
    private static final int CACHE_CREATION_INPUT_TOKENS = 2;
    private static final int CACHE_READ_INPUT_TOKENS = 3;
    private static final int SPEED = 4;
    private static final int SERVICE_TIER = 5;
    private static final int CACHE_CREATION = 6;

    private static final FieldNames CACHE_CREATION_FIELDS = new FieldNames(List.of("ephemeral_5m_input_tokens",
            "ephemeral_1h_input_tokens"));
    private static final int EPHEMERAL_5M = 0;
    private static final int EPHEMERAL_1H = 1;

    private static final FieldNames MODEL_COST_FIELDS = new FieldNames(List.of("costUSD", "inputTokens",
            "outputTokens", "cacheReadInputTokens", "cacheCreationInputTokens", "cacheCreationEphemeral5mInputTokens",
            "cacheCreationEphemeral1hInputTokens"));
    private static final int MODEL_COST_USD = 0;
    private static final int MODEL_INPUT = 1;
    private static final int MODEL_OUTPUT = 2;
    private static final int MODEL_CACHE_READ = 3;
    private static final int MODEL_CACHE_CREATION = 4;
    private static final int MODEL_CACHE_5M = 5;
    private static final int MODEL_CACHE_1H = 6;

    /** A parser; it holds nothing, so one serves every thread. */
    public TranscriptLineParser() {
        // stateless
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Byte strings of which a usage or cost-state line contains at least one; a reader can skip every other
     * line without handing it to {@link #parseCandidate}. {@code usage"} rather than {@code "usage"}: a needle
     * that starts with a rare byte is found several times faster when the JIT does not vectorize the search
     * (the launcher runs C1 only), and a few extra candidates only cost a parse.
     */
    public static final List<String> CANDIDATE_NEEDLES = List.of("usage\"", "cost-state");

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
        return read(new JsonCursor(buf, off, len), new LineFields(), origin, offset, repeated);
    }

    /**
     * A parser for the lines of one file, read one after another: it keeps the values lines repeat and reuses its
     * working objects (three per line were a sixth of what a sync allocated). One per file being read.
     */
    public FileLines forFile() {
        return new FileLines();
    }

    /** {@link #parseCandidate} for one file's lines; not thread-safe. */
    public static final class FileLines {
        private final RepeatedValues repeated = new RepeatedValues();
        private final JsonCursor cursor = new JsonCursor(new byte[0], 0, 0);
        private final LineFields fields = new LineFields();

        private FileLines() {
        }

        /** Parses a candidate line of this file (as {@link TranscriptLineParser#parseCandidate}). */
        public ParsedLine parse(byte[] buf, int off, int len, LineOrigin origin, long offset) {
            cursor.reset(buf, off, len);
            fields.clear();
            return read(cursor, fields, origin, offset, repeated);
        }
    }

    private static ParsedLine read(JsonCursor c, LineFields f, LineOrigin origin, long offset,
            RepeatedValues repeated) {
        try {
            if (!c.enterRootObject()) {
                return new ParsedLine.Malformed("not a JSON object");
            }
            if (!readRoot(c, f, repeated)) {
                return ParsedLine.IGNORED;
            }
            return f.toParsedLine(origin, offset);
        } catch (JsonCursor.MalformedJson e) {
            return new ParsedLine.Malformed(e.getMessage());
        } catch (IllegalArgumentException e) {
            return new ParsedLine.Malformed("token counts overflow their total"); // from TokenCounts
        }
    }

    /**
     * Reads the root object's fields.
     *
     * @return false when it stopped early because the line's top-level {@code type} is known to carry no billing
     *     record: user lines (three quarters of a transcript's bytes: tool results) write {@code type} before
     *     their content, so they are dismissed after a few hundred bytes, exactly, without scanning the rest
     */
    private static boolean readRoot(JsonCursor c, LineFields f, RepeatedValues repeated) {
        for (boolean first = true; c.nextField(first); first = false) {
            switch (c.field(ROOT)) {
                case TYPE -> {
                    f.type = c.stringOrSkip(repeated);
                    if (!"assistant".equals(f.type) && !"cost-state".equals(f.type)) {
                        return false;
                    }
                }
                case MESSAGE -> {
                    if (c.enterObjectOrSkip()) {
                        readMessage(c, f, repeated);
                    }
                }
                case SESSION_ID -> f.sessionId = c.stringOrSkip(repeated);
                case TIMESTAMP -> f.timestamp = c.stringOrSkip(null);
                case VERSION -> f.version = c.stringOrSkip(repeated);
                case CWD -> f.cwd = c.stringOrSkip(repeated);
                case REQUEST_ID -> f.requestId = c.stringOrSkip(null);
                case AGENT_ID -> f.agentId = c.stringOrSkip(repeated);
                case IS_SIDECHAIN -> f.sidechain = c.trueOrSkip();
                case COST_USD -> f.legacyCostUsd = c.numberOrSkip();
                case MODEL_USAGE -> {
                    if (c.enterObjectOrSkip()) {
                        f.modelUsage = readModelUsage(c);
                    }
                }
                default -> c.skipValue();
            }
        }
        return true;
    }

    private static void readMessage(JsonCursor c, LineFields f, RepeatedValues repeated) {
        for (boolean first = true; c.nextField(first); first = false) {
            switch (c.field(MESSAGE_FIELDS)) {
                case ID -> f.messageId = c.stringOrSkip(null);
                case MODEL -> f.model = c.stringOrSkip(repeated);
                case STOP_REASON -> f.stopReasonSet = !c.nullOrSkip();
                case USAGE_OBJECT -> {
                    if (c.enterObjectOrSkip()) {
                        f.usage = readUsage(c, repeated, f.usageFields);
                    }
                }
                default -> c.skipValue();
            }
        }
    }

    private static LineFields.UsageFields readUsage(JsonCursor c, RepeatedValues repeated,
            LineFields.UsageFields u) {
        u.clear();
        for (boolean first = true; c.nextField(first); first = false) {
            switch (c.field(USAGE_FIELDS)) {
                case INPUT_TOKENS -> u.input = c.count();
                case OUTPUT_TOKENS -> u.output = c.count();
                case CACHE_CREATION_INPUT_TOKENS -> u.cacheCreation = c.count();
                case CACHE_READ_INPUT_TOKENS -> u.cacheRead = c.count();
                case SPEED -> u.speed = c.stringOrSkip(repeated);
                case SERVICE_TIER -> u.serviceTier = c.stringOrSkip(repeated);
                case CACHE_CREATION -> {
                    if (c.enterObjectOrSkip()) {
                        readCacheCreation(c, u);
                    }
                }
                default -> c.skipValue();
            }
        }
        return u;
    }

    private static void readCacheCreation(JsonCursor c, LineFields.UsageFields u) {
        u.hasBreakdown = true;
        for (boolean first = true; c.nextField(first); first = false) {
            switch (c.field(CACHE_CREATION_FIELDS)) {
                case EPHEMERAL_5M -> u.write5m = c.count();
                case EPHEMERAL_1H -> u.write1h = c.count();
                default -> c.skipValue();
            }
        }
    }

    private static Map<String, SessionCostState.ModelCost> readModelUsage(JsonCursor c) {
        Map<String, SessionCostState.ModelCost> result = new HashMap<>();
        for (boolean first = true; c.nextField(first); first = false) {
            String model = c.name();
            if (!c.enterObjectOrSkip()) {
                continue;
            }
            double cost = 0;
            long in = 0;
            long out = 0;
            long cacheRead = 0;
            long cacheCreation = 0;
            long write5m = -1;
            long write1h = -1;
            for (boolean firstField = true; c.nextField(firstField); firstField = false) {
                switch (c.field(MODEL_COST_FIELDS)) {
                    case MODEL_COST_USD -> {
                        Double v = c.numberOrSkip();
                        cost = v == null ? 0 : v;
                    }
                    case MODEL_INPUT -> in = c.count();
                    case MODEL_OUTPUT -> out = c.count();
                    case MODEL_CACHE_READ -> cacheRead = c.count();
                    case MODEL_CACHE_CREATION -> cacheCreation = c.count();
                    case MODEL_CACHE_5M -> write5m = c.count();
                    case MODEL_CACHE_1H -> write1h = c.count();
                    default -> c.skipValue();
                }
            }
            TokenCounts tokens = LineFields.modelTokens(in, out, cacheRead, cacheCreation, write5m, write1h);
            result.put(model, new SessionCostState.ModelCost(cost, tokens));
        }
        return result;
    }
}
