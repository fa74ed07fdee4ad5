package dev.cctelemetry.mcp.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool's answer: text for the model to read and the same figures as structured JSON (MCP's
 * {@code structuredContent}).
 *
 * @param text what the model reads
 * @param structured the figures, with ccusage's keys where {@code report --json} has them
 */
public record ToolAnswer(String text, Map<String, Object> structured) {
    public ToolAnswer {
        Objects.requireNonNull(text, "text is null");
        // Kept in the order the tool put its keys: the JSON reads top-down like the text.
        structured = Collections.unmodifiableMap(new LinkedHashMap<>(structured));
    }
}
