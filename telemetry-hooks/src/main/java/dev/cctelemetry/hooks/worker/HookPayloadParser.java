package dev.cctelemetry.hooks.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a hook payload leniently: Claude Code adds fields often, so unknown fields are ignored and every field
 * but {@code session_id} may be absent. Rejects what is not one JSON object, and a session id that is not a
 * UUID. The transcript path is not checked here: that needs the file system (see {@link TranscriptPathGuard}).
 * Thread-safe.
 */
public final class HookPayloadParser {

    /** Deeper than any hook payload; a hostile one must not exhaust the stack. */
    private static final int MAX_NESTING = 64;

    private final ObjectMapper mapper;

    /** A parser. */
    public HookPayloadParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        // Trailing tokens mean two payloads glued together or garbage: not something to guess about.
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses a payload as read from the spool (already bounded in size). */
    public Result parse(byte[] json) {
        Objects.requireNonNull(json, "json is null");
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException | RuntimeException e) {
            return new Result.Rejected("payload is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return new Result.Rejected("payload is not a JSON object");
        }
        JsonNode session = root.get("session_id");
        if (session == null || !session.isTextual()) {
            return new Result.Rejected("payload has no session_id string");
        }
        if (!SessionId.isValid(session.textValue())) {
            return new Result.Rejected("session_id is not a UUID");
        }
        JsonNode transcript = root.get("transcript_path");
        if (transcript != null && !transcript.isNull() && !transcript.isTextual()) {
            return new Result.Rejected("transcript_path is not a string");
        }
        return new Result.Parsed(new HookPayload(session.textValue(), text(transcript), text(root.get("cwd")),
                text(root.get("hook_event_name")), text(root.get("reason"))));
    }

    /**
     * Reads a payload the hook script cut at {@link SpoolReader#MAX_BYTES} (a Stop whose last assistant message
     * is longer): the top-level members before the cut are read one by one, and the payload counts when they
     * hold the session id (and, if present, the transcript path) whole. Claude Code writes both first, so a
     * long message or tool output after them costs nothing. The same checks as {@link #parse} apply.
     */
    public Result parseCut(byte[] json) {
        Objects.requireNonNull(json, "json is null");
        Map<String, String> fields = new HashMap<>();
        boolean transcriptNotText = false;
        try (JsonParser p = mapper.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Result.Rejected("payload is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && WANTED.contains(name)) {
                    fields.putIfAbsent(name, p.getText());
                } else {
                    transcriptNotText |= name.equals("transcript_path") && value != JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The cut: what was read before it stands.
        }
        String session = fields.get("session_id");
        if (session == null) {
            return new Result.Rejected("payload was cut before a whole session_id");
        }
        if (!SessionId.isValid(session)) {
            return new Result.Rejected("session_id is not a UUID");
        }
        if (transcriptNotText && !fields.containsKey("transcript_path")) {
            return new Result.Rejected("transcript_path is not a string");
        }
        return new Result.Parsed(new HookPayload(session, fields.getOrDefault("transcript_path", ""),
                fields.getOrDefault("cwd", ""), fields.getOrDefault("hook_event_name", ""),
                fields.getOrDefault("reason", "")));
    }

    private static final Set<String> WANTED = Set.of("session_id", "transcript_path", "cwd", "hook_event_name", "reason");

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : "";
    }

    /** What parsing gave. */
    public sealed interface Result {

        /**
         * A payload with a valid session id.
         *
         * @param payload the payload
         */
        record Parsed(HookPayload payload) implements Result {
            public Parsed {
                Objects.requireNonNull(payload, "payload is null");
            }
        }

        /**
         * A payload the worker ignores.
         *
         * @param reason fixed text saying why; never quotes the payload
         */
        record Rejected(String reason) implements Result {
            public Rejected {
                Objects.requireNonNull(reason, "reason is null");
            }
        }
    }
}
