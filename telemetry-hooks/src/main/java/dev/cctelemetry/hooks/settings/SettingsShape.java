package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The structure cc-telemetry insists on before touching a settings tree: an object at the top, {@code hooks}
 * (when present) an object, and each event under it an array. Anything else is refused rather than "repaired",
 * because repairing would silently drop the user's configuration.
 */
final class SettingsShape {

    private SettingsShape() {
    }

    /** The first problem with {@code root}, or empty when cc-telemetry may edit it. */
    static Optional<String> problem(JsonNode root) {
        if (!root.isObject()) {
            return Optional.of("the top level is " + kind(root) + ", not a JSON object");
        }
        JsonNode hooks = root.get("hooks");
        if (hooks == null) {
            return Optional.empty();
        }
        if (!hooks.isObject()) {
            return Optional.of("\"hooks\" is " + kind(hooks) + ", not an object");
        }
        for (Map.Entry<String, JsonNode> event : hooks.properties()) {
            if (!event.getValue().isArray()) {
                return Optional.of("\"hooks." + event.getKey() + "\" is " + kind(event.getValue()) + ", not an array");
            }
        }
        return Optional.empty();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "missing";
        };
    }
}
