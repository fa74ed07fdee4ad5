package dev.cctelemetry.mcp.tool;

import java.util.Map;

/**
 * One read-only tool of the MCP server: its name and description as the model sees them, its input schema, and
 * the answer to a call. Implementations never write anything.
 */
public interface McpTool {

    /** The tool's name ({@code mcp__<server>__<name>} to the model). */
    String name();

    /** What the tool answers, for the model choosing a tool. */
    String description();

    /** The JSON schema of its arguments (an object schema). */
    Map<String, Object> inputSchema();

    /**
     * Answers a call.
     *
     * @throws ToolInputException when an argument is missing or malformed (the model is told, and may retry)
     */
    ToolAnswer call(ToolArguments arguments);
}
