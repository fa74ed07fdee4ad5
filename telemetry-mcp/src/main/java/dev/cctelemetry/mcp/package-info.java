/**
 * {@code cc-telemetry mcp}: an MCP server on stdio (the official MCP Java SDK) that lets Claude Code ask about its
 * own usage. A front end: it builds on the application layer's use cases and core's ports, never on an adapter.
 */
package dev.cctelemetry.mcp;
