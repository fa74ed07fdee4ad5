package dev.cctelemetry.core.usage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The fields of one transcript line that matter, as a line reader found them (any may be missing), and the
 * {@link ParsedLine} they make.
 */
final class LineFields {
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
    /** The usage object {@link #usage} points at once one is read: reused from line to line. */
    final UsageFields usageFields = new UsageFields();

    /** Forgets the last line: one instance serves every line of a file. */
    void clear() {
        type = null;
        sessionId = null;
        timestamp = null;
        version = null;
        cwd = null;
        requestId = null;
        agentId = null;
        sidechain = false;
        legacyCostUsd = null;
        messageId = null;
        model = null;
        stopReasonSet = false;
        usage = null;
        modelUsage = null;
    }

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

    /**
     * A cost-state model's tokens: the 5-minute and 1-hour cache writes when either is given (-1: absent), else
     * every cache write counted as a 5-minute one.
     */
    static TokenCounts modelTokens(long in, long out, long cacheRead, long cacheCreation, long write5m,
            long write1h) {
        return write5m >= 0 || write1h >= 0
                ? new TokenCounts(in, out, Math.max(write5m, 0), Math.max(write1h, 0), cacheRead)
                : new TokenCounts(in, out, cacheCreation, 0, cacheRead);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The usage object as read. */
    static final class UsageFields {
        long input;
        long output;
        long cacheCreation;
        long cacheRead;
        boolean hasBreakdown;
        long write5m;
        long write1h;
        String speed;
        String serviceTier;

        /** Forgets the last usage object read. */
        void clear() {
            input = 0;
            output = 0;
            cacheCreation = 0;
            cacheRead = 0;
            hasBreakdown = false;
            write5m = 0;
            write1h = 0;
            speed = null;
            serviceTier = null;
        }

        TokenCounts tokens() {
            // The nested breakdown is authoritative when present: Claude Code 2.1.152 fixed a scalar that read 0
            // while the breakdown held the writes. Without it, every write is a 5-minute write.
            return hasBreakdown
                    ? new TokenCounts(input, output, write5m, write1h, cacheRead)
                    : new TokenCounts(input, output, cacheCreation, 0, cacheRead);
        }
    }
}
