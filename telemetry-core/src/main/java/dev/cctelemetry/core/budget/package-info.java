/**
 * Spending budgets (per day, week or month; optionally one project; this machine, another one, or every machine)
 * and where each stands in its current period. Values and period arithmetic only; the spend comes from the query
 * port of the store the budget's scope names.
 */
package dev.cctelemetry.core.budget;
