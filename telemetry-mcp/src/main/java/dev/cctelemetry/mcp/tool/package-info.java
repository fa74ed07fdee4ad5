/**
 * The MCP server's tools: read-only questions about usage (a period's summary, top sessions, the active 5-hour
 * block, two periods compared, a cost forecast, the plan's limits, the budgets), each with a typed input schema,
 * answered over the application's use cases with text a model reads well and the same figures as structured JSON.
 */
package dev.cctelemetry.mcp.tool;
