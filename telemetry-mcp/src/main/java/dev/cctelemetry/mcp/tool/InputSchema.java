package dev.cctelemetry.mcp.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a tool's JSON schema (an object of typed, described properties), so every tool declares its arguments
 * the same way: enums as lower-case names, integers with bounds, dates as {@code YYYY-MM-DD} strings.
 */
public final class InputSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    /** An object schema with no properties yet. */
    public static InputSchema object() {
        return new InputSchema();
    }

    /** The name an enum constant has in schemas and arguments: {@code THIS_WEEK} → {@code this_week}. */
    public static String wireName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A property that takes one of {@code type}'s constants. */
    public <E extends Enum<E>> InputSchema choice(String name, Class<E> type, String description) {
        properties.put(name, Map.of("type", "string", "description", description,
                "enum", Arrays.stream(type.getEnumConstants()).map(InputSchema::wireName).toList()));
        return this;
    }

    /** A whole-number property in {@code [min, max]}. */
    public InputSchema integer(String name, int min, int max, String description) {
        properties.put(name, Map.of("type", "integer", "minimum", min, "maximum", max, "description", description));
        return this;
    }

    /** A date property ({@code YYYY-MM-DD}). */
    public InputSchema date(String name, String description) {
        properties.put(name, Map.of("type", "string", "format", "date", "description", description));
        return this;
    }

    /** A property whose value is an object of {@code nested}'s schema. */
    public InputSchema nested(String name, InputSchema nested, String description) {
        Map<String, Object> schema = new LinkedHashMap<>(nested.build());
        schema.put("description", description);
        properties.put(name, schema);
        return this;
    }

    /** The properties of {@code other} added to this schema (shared argument groups). */
    public InputSchema with(InputSchema other) {
        properties.putAll(other.properties);
        required.addAll(other.required);
        return this;
    }

    /** Marks a property as required. */
    public InputSchema require(String name) {
        required.add(name);
        return this;
    }

    /** The schema as the MCP SDK takes it. */
    public Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
