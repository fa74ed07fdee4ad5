package dev.cctelemetry.core.statusline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a statusLine payload (Claude Code 2.1.328's shape: CLAUDE-CODE.md section 3) with Jackson's streaming parser,
 * taking only {@code session_id}, {@code model.id}, {@code model.display_name} and the windows under
 * {@code rate_limits}; every other member is passed over unread. Never throws: a payload that is not JSON, or is cut,
 * gives what was read before the fault, marked incomplete. A member named twice counts once, the last time (as
 * {@code JSON.parse} does).
 *
 * <p>Hostile input is bounded: at most {@link #MAX_BYTES} are looked at, nesting deeper than 32 levels or a string
 * longer than 64 KiB stops the parse, ids and names longer than {@value #MAX_TEXT} characters are ignored, and a
 * window is kept only with a key of {@link LimitWindow#isValidKey} shape, a percentage {@link
 * LimitLevel#isPlausible} and a reset time between 2000 and 2200.
 */
public final class StatuslinePayloadParser {

    /** Bytes read from stdin at most; Claude Code's payloads are a few KiB. */
    public static final int MAX_BYTES = 1 << 20;
    /** Longest session id or model name kept. */
    public static final int MAX_TEXT = 200;

    private static final long MIN_RESET_SECONDS = 946_684_800L; // 2000-01-01
    private static final long MAX_RESET_SECONDS = 7_258_118_400L; // 2200-01-01

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024)
                    .maxNumberLength(64).maxNameLength(1024).build())
            .build();

    /** The payload in {@code bytes[0..length)} (only the first {@link #MAX_BYTES} of them are read). */
    public StatuslinePayload parse(byte[] bytes, int length) {
        Fields f = new Fields();
        boolean complete = false;
        try (JsonParser p = factory.createParser(bytes, 0, Math.min(length, MAX_BYTES))) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                readRoot(p, f);
                complete = length <= MAX_BYTES && p.nextToken() == null;
            }
        } catch (IOException | RuntimeException e) {
            // cut, not JSON, or too deep: keep what was read before the fault
        }
        List<LimitLevel> limits = new ArrayList<>(f.limits.values());
        limits.sort((a, b) -> a.window().compareTo(b.window()));
        return new StatuslinePayload(Optional.ofNullable(f.sessionId), Optional.ofNullable(f.modelId),
                Optional.ofNullable(f.modelName), limits, complete);
    }

    /** What the members read so far said. */
    private static final class Fields {
        String sessionId;
        String modelId;
        String modelName;
        final Map<String, LimitLevel> limits = new LinkedHashMap<>();
    }

    private static void readRoot(JsonParser p, Fields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "session_id" -> f.sessionId = text(p, value);
                case "model" -> readModel(p, value, f);
                case "rate_limits" -> readLimits(p, value, f);
                default -> p.skipChildren();
            }
        }
    }

    private static void readModel(JsonParser p, JsonToken value, Fields f) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            f.modelId = null;
            f.modelName = null;
            p.skipChildren();
            return;
        }
        String id = null;
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken v = p.nextToken();
            switch (member) {
                case "id" -> id = text(p, v);
                case "display_name" -> name = text(p, v);
                default -> p.skipChildren();
            }
        }
        f.modelId = id;
        f.modelName = name;
    }

    private static void readLimits(JsonParser p, JsonToken value, Fields f) throws IOException {
        f.limits.clear();
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            Optional<LimitLevel> level = v == JsonToken.START_OBJECT ? readWindow(p, key) : skip(p);
            f.limits.remove(key);
            level.ifPresent(l -> f.limits.put(key, l));
        }
    }

    private static Optional<LimitLevel> readWindow(JsonParser p, String key) throws IOException {
        double used = Double.NaN;
        long resetsAt = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken v = p.nextToken();
            if (member.equals("used_percentage")) {
                used = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            } else if (member.equals("resets_at")) {
                resetsAt = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT
                        ? (long) Math.floor(p.getDoubleValue()) : Long.MIN_VALUE;
            } else {
                p.skipChildren();
            }
        }
        if (!LimitWindow.isValidKey(key) || !LimitLevel.isPlausible(used) || resetsAt < MIN_RESET_SECONDS
                || resetsAt > MAX_RESET_SECONDS) {
            return Optional.empty();
        }
        return Optional.of(new LimitLevel(new LimitWindow(key), used, Instant.ofEpochSecond(resetsAt)));
    }

    private static Optional<LimitLevel> skip(JsonParser p) throws IOException {
        p.skipChildren();
        return Optional.empty();
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return null;
        }
        String s = p.getText();
        return s.isEmpty() || s.length() > MAX_TEXT ? null : s;
    }
}
