package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds, finds and removes our MCP server in Claude Code's user state file ({@code .claude.json}), in the shape
 * {@code claude mcp add --scope user NAME -- CMD ARGS…} writes: {@code mcpServers.NAME = {"type":"stdio",
 * "command":CMD,"args":[ARGS…],"env":{}}}. Pure: the input tree is never modified, every other key and every
 * other server survives in its place.
 *
 * <p>An entry is ours when it runs {@code cc-telemetry}'s {@code mcp} command (its last argument is {@code mcp}
 * and an argument names a {@code cc-telemetry} jar); a server of that name that is not ours is never replaced or
 * removed.
 */
public final class McpServerSettings {

    /** Claude Code's key for its servers. */
    public static final String KEY = "mcpServers";
    /** The name we register under: the model sees our tools as {@code mcp__cc-telemetry__<tool>}. */
    public static final String NAME = "cc-telemetry";

    /** Our entry, if there is one (a server of our name that is not ours is not returned). */
    public Optional<JsonNode> current(ObjectNode root) {
        JsonNode entry = root.path(KEY).get(NAME);
        return entry != null && isOurs(entry) ? Optional.of(entry) : Optional.empty();
    }

    /** Whether {@code entry} starts cc-telemetry's MCP server. */
    public static boolean isOurs(JsonNode entry) {
        JsonNode args = entry.path("args");
        if (!args.isArray() || args.isEmpty() || !"mcp".equals(args.get(args.size() - 1).asText())) {
            return false;
        }
        for (JsonNode a : args) {
            String s = a.asText();
            if (s.endsWith(".jar") && s.contains("cc-telemetry")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code root} with our server starting {@code command} with {@code args} and the variables {@code env}; an
     * entry of ours already there keeps the keys and variables the user added and only gets its command, arguments
     * and these variables updated. Applying it to its own result changes nothing.
     *
     * @throws ClaudeSettingsException when {@code mcpServers} is not an object, or a server of our name that is not
     *     ours is there
     */
    public ObjectNode install(ObjectNode root, String command, List<String> args, Map<String, String> env) {
        Objects.requireNonNull(command, "command is null");
        ObjectNode copy = root.deepCopy();
        ObjectNode servers = servers(copy);
        JsonNode existing = servers.get(NAME);
        if (existing != null && !isOurs(existing)) {
            throw new ClaudeSettingsException("an MCP server named '" + NAME + "' that does not run cc-telemetry is"
                    + " already registered; remove it (claude mcp remove --scope user " + NAME + ") or rename it,"
                    + " then run again. Nothing was changed");
        }
        ObjectNode entry = existing != null && existing.isObject() ? (ObjectNode) existing : copy.objectNode();
        if (existing == null) {
            entry.put("type", "stdio");
        }
        entry.put("command", command);
        ArrayNode list = entry.arrayNode();
        args.forEach(list::add);
        entry.set("args", list);
        JsonNode vars = entry.get("env");
        ObjectNode variables = vars != null && vars.isObject() ? (ObjectNode) vars : entry.objectNode();
        new TreeMap<>(env).forEach(variables::put);
        entry.set("env", variables);
        servers.set(NAME, entry);
        return copy;
    }

    /** {@code root} without our server; one of our name that is not ours, and every other server, stay. */
    public ObjectNode remove(ObjectNode root) {
        ObjectNode copy = root.deepCopy();
        JsonNode servers = copy.get(KEY);
        if (servers != null && servers.isObject() && servers.has(NAME) && isOurs(servers.get(NAME))) {
            ((ObjectNode) servers).remove(NAME);
        }
        return copy;
    }

    private static ObjectNode servers(ObjectNode root) {
        JsonNode servers = root.get(KEY);
        if (servers == null) {
            return root.putObject(KEY);
        }
        if (!servers.isObject()) {
            throw new ClaudeSettingsException("Refusing to edit: \"" + KEY + "\" is not an object");
        }
        return (ObjectNode) servers;
    }
}
