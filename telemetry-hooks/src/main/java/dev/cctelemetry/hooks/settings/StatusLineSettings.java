package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets, finds and restores the {@code statusLine} member of a settings tree. Claude Code runs one statusLine only, so
 * whatever was there before ours is handed back to the caller, who keeps it (to chain it, and to put it back on
 * removal). Pure: the input tree is never modified, and every other key survives in its place.
 *
 * <p>Shape written: {@code "statusLine": {"type": "command", "command": …, "padding": 0}}; a statusLine of ours
 * that is already there keeps the keys the user added to it ({@code refreshInterval}, another padding) and only
 * gets its command updated.
 */
public final class StatusLineSettings {

    /** Claude Code's settings key. */
    public static final String KEY = "statusLine";
    /** A command containing this runs our statusline script ({@code cc-telemetry-statusline.sh} or {@code .ps1}). */
    public static final String MARKER = "cc-telemetry-statusline";

    /** The {@code statusLine} member, if there is one. */
    public Optional<JsonNode> current(ObjectNode settings) {
        return Optional.ofNullable(settings.get(KEY));
    }

    /** Whether {@code statusLine} runs our command. */
    public static boolean isOurs(JsonNode statusLine) {
        JsonNode command = statusLine.isObject() ? statusLine.get("command") : null;
        return command != null && command.isTextual() && command.asText().contains(MARKER);
    }

    /** The shell command of a {@code statusLine} of type command, if it is one. */
    public static Optional<String> command(JsonNode statusLine) {
        if (!statusLine.isObject()) {
            return Optional.empty();
        }
        JsonNode type = statusLine.get("type");
        JsonNode command = statusLine.get("command");
        boolean commandType = type == null || (type.isTextual() && type.asText().equals("command"));
        return commandType && command != null && command.isTextual() && !command.asText().isBlank()
                ? Optional.of(command.asText()) : Optional.empty();
    }

    /**
     * {@code settings} with our statusLine running {@code command}, replacing whatever was there (the caller has
     * read it with {@link #current} and decided). Applying it to its own result changes nothing.
     */
    public ObjectNode install(ObjectNode settings, String command) {
        Objects.requireNonNull(command, "command is null");
        if (!command.contains(MARKER)) {
            throw new IllegalArgumentException("the statusLine command must run the '" + MARKER + "' script: "
                    + command);
        }
        requireShape(settings);
        ObjectNode root = settings.deepCopy();
        JsonNode existing = root.get(KEY);
        if (existing != null && isOurs(existing)) {
            ObjectNode ours = (ObjectNode) existing;
            if (!"command".equals(ours.path("type").asText(null))) {
                ours.put("type", "command");
            }
            if (!command.equals(ours.path("command").asText(null))) {
                ours.put("command", command);
            }
            return root;
        }
        ObjectNode line = root.objectNode();
        line.put("type", "command");
        line.put("command", command);
        line.put("padding", 0);
        root.set(KEY, line); // keeps the member's place when it replaces one
        return root;
    }

    /**
     * {@code settings} with our statusLine replaced by {@code previous}, or removed when there was none. A statusLine
     * that is not ours (the user changed it since) is left alone.
     */
    public ObjectNode restore(ObjectNode settings, Optional<JsonNode> previous) {
        requireShape(settings);
        ObjectNode root = settings.deepCopy();
        JsonNode existing = root.get(KEY);
        if (existing == null || !isOurs(existing)) {
            return root;
        }
        if (previous.isPresent() && !isOurs(previous.get())) {
            root.set(KEY, previous.get().deepCopy());
        } else {
            root.remove(KEY);
        }
        return root;
    }

    private static void requireShape(ObjectNode settings) {
        SettingsShape.problem(settings).ifPresent(p -> {
            throw new ClaudeSettingsException("Refusing to edit settings: " + p);
        });
    }
}
