package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Adds, updates and removes cc-telemetry's handlers in a settings tree. Pure: the input tree is never modified,
 * and every key and handler that is not ours survives in its original order.
 *
 * <p>Shape written (no {@code matcher} on Stop, which has none; no keys Claude Code would not know):
 * {@code "Stop":[{"hooks":[{"type":"command","command":…}]}]},
 * {@code "SessionEnd":[{"hooks":[{"type":"command","command":…,"timeout":10}]}]}.
 */
public final class HookSettingsMerger {

    /** Claude Code's event key for the end of each assistant turn. */
    public static final String STOP = "Stop";
    /** Claude Code's event key for the end of a session. */
    public static final String SESSION_END = "SessionEnd";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * {@code settings} with our Stop and SessionEnd handlers registered. A handler of ours already present in
     * any group of the event is updated in place (other handlers of ours on that event are dropped as
     * duplicates); otherwise a new group is appended. Applying it to its own result changes nothing.
     *
     * @throws ClaudeSettingsException if {@code settings} does not have the shape {@link SettingsShape} requires
     */
    public ObjectNode install(ObjectNode settings, HookRegistration registration) {
        requireShape(settings);
        ObjectNode root = settings.deepCopy();
        JsonNode existing = root.get("hooks");
        ObjectNode hooks = existing == null ? root.putObject("hooks") : (ObjectNode) existing;
        upsert(hooks, STOP, HookRegistration.STOP_MARKER, registration.stopCommand(), OptionalInt.empty());
        upsert(hooks, SESSION_END, HookRegistration.SESSION_END_MARKER, registration.sessionEndCommand(),
                OptionalInt.of(registration.sessionEndTimeoutSeconds()));
        return root;
    }

    /**
     * {@code settings} without any handler of ours (in any event). A group, an event array, or {@code hooks}
     * itself is removed only when removing our handlers is what left it empty.
     *
     * @throws ClaudeSettingsException if {@code settings} does not have the shape {@link SettingsShape} requires
     */
    public ObjectNode remove(ObjectNode settings) {
        requireShape(settings);
        ObjectNode root = settings.deepCopy();
        JsonNode hooksNode = root.get("hooks");
        if (hooksNode == null) {
            return root;
        }
        ObjectNode hooks = (ObjectNode) hooksNode;
        boolean removedEvent = false;
        for (String event : fieldNames(hooks)) {
            ArrayNode groups = (ArrayNode) hooks.get(event);
            if (removeOurs(groups) && groups.isEmpty()) {
                hooks.remove(event);
                removedEvent = true;
            }
        }
        if (removedEvent && hooks.isEmpty()) {
            root.remove("hooks");
        }
        return root;
    }

    /** The command of our handler registered for {@code event} ({@link #STOP} or {@link #SESSION_END}). */
    public Optional<String> registeredCommand(ObjectNode settings, String event) {
        return ourHandlers(settings, event).stream().findFirst().map(h -> h.get("command").asText());
    }

    /** The {@code timeout} of our SessionEnd handler, when it is registered with a numeric timeout. */
    public OptionalInt sessionEndTimeout(ObjectNode settings) {
        return ourHandlers(settings, SESSION_END).stream()
                .findFirst()
                .map(h -> h.get("timeout"))
                .filter(t -> t != null && t.isNumber())
                .map(t -> OptionalInt.of(t.asInt()))
                .orElse(OptionalInt.empty());
    }

    private static void requireShape(ObjectNode settings) {
        SettingsShape.problem(settings).ifPresent(p -> {
            throw new ClaudeSettingsException("Refusing to edit settings: " + p);
        });
    }

    private static void upsert(ObjectNode hooks, String event, String marker, String command, OptionalInt timeout) {
        JsonNode existing = hooks.get(event);
        ArrayNode groups = existing == null ? hooks.putArray(event) : (ArrayNode) existing;
        List<ObjectNode> ours = handlersMarked(groups, marker);
        if (ours.isEmpty()) {
            ObjectNode handler = NODES.objectNode();
            fill(handler, command, timeout);
            groups.addObject().putArray("hooks").add(handler);
            return;
        }
        fill(ours.get(0), command, timeout);
        for (ObjectNode duplicate : ours.subList(1, ours.size())) {
            removeHandler(groups, duplicate);
        }
    }

    /** Sets only the keys we own; {@code put} on an existing key keeps its position, so the order is stable. */
    private static void fill(ObjectNode handler, String command, OptionalInt timeout) {
        if (!"command".equals(textOf(handler.get("type")))) {
            handler.put("type", "command");
        }
        if (!command.equals(textOf(handler.get("command")))) {
            handler.put("command", command);
        }
        timeout.ifPresent(t -> {
            JsonNode current = handler.get("timeout");
            if (current == null || !current.isIntegralNumber() || current.asInt() != t) {
                handler.put("timeout", t);
            }
        });
    }

    private static void removeHandler(ArrayNode groups, ObjectNode handler) {
        for (int g = 0; g < groups.size(); g++) {
            ArrayNode handlers = (ArrayNode) groups.get(g).get("hooks");
            for (int h = 0; h < handlers.size(); h++) {
                if (handlers.get(h) == handler) {
                    handlers.remove(h);
                    if (handlers.isEmpty()) {
                        groups.remove(g);
                    }
                    return;
                }
            }
        }
    }

    /** Removes our handlers from every group; returns whether anything was removed. */
    private static boolean removeOurs(ArrayNode groups) {
        boolean removed = false;
        for (int g = groups.size() - 1; g >= 0; g--) {
            JsonNode handlersNode = handlersOf(groups.get(g));
            if (handlersNode == null) {
                continue;
            }
            ArrayNode handlers = (ArrayNode) handlersNode;
            boolean removedHere = false;
            for (int h = handlers.size() - 1; h >= 0; h--) {
                String command = textOf(handlers.get(h).get("command"));
                if (command != null && HookRegistration.isOurs(command)) {
                    handlers.remove(h);
                    removedHere = true;
                }
            }
            if (removedHere && handlers.isEmpty()) {
                groups.remove(g);
            }
            removed |= removedHere;
        }
        return removed;
    }

    private static List<ObjectNode> ourHandlers(ObjectNode settings, String event) {
        JsonNode hooks = settings.get("hooks");
        JsonNode groups = hooks == null ? null : hooks.get(event);
        if (groups == null || !groups.isArray()) {
            return List.of();
        }
        String marker = STOP.equals(event) ? HookRegistration.STOP_MARKER : HookRegistration.SESSION_END_MARKER;
        return handlersMarked((ArrayNode) groups, marker);
    }

    /** Our handlers in document order; groups or handlers of an unexpected shape are skipped, never touched. */
    private static List<ObjectNode> handlersMarked(ArrayNode groups, String marker) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode group : groups) {
            JsonNode handlers = handlersOf(group);
            if (handlers == null) {
                continue;
            }
            for (JsonNode handler : handlers) {
                String command = textOf(handler.get("command"));
                if (handler.isObject() && command != null && command.contains(marker)) {
                    found.add((ObjectNode) handler);
                }
            }
        }
        return found;
    }

    private static JsonNode handlersOf(JsonNode group) {
        JsonNode handlers = group.isObject() ? group.get("hooks") : null;
        return handlers != null && handlers.isArray() ? handlers : null;
    }

    private static String textOf(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
