/**
 * Spending budgets: kept in {@code config.json} ({@link dev.cctelemetry.app.budget.BudgetBook}), and where each
 * stands in its current period ({@link dev.cctelemetry.app.budget.BudgetsStatus}), read from the ledger for this
 * machine and from the shared store for another machine or all of them. {@code budget}, {@code check}, alerts,
 * the dashboard and the MCP server read it.
 */
package dev.cctelemetry.app.budget;
