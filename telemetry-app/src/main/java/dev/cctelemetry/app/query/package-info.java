/**
 * Where the aggregate queries of a long-running front end (the MCP server, a dashboard) are answered: this
 * machine's ledger or the shared store, opened per question so that syncs and pushes beside it are never blocked.
 */
package dev.cctelemetry.app.query;
