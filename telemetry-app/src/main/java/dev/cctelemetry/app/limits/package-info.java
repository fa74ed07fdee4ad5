/**
 * Plan limits over time: {@code report limits} (history per window and machine, the current level, time to reset,
 * pace, how often a window was full) as a use case the CLI, the dashboard and the MCP server can call.
 */
package dev.cctelemetry.app.limits;
