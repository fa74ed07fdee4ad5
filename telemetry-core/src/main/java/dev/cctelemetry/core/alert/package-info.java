/**
 * Alerts: a budget crossing 50, 80 or 100 % of its period, or a plan-limit window crossing 80 or 95 %, raised once
 * per threshold and period whoever notices first (the state is the {@link dev.cctelemetry.core.port.out.AlertLog}),
 * and delivered through {@link dev.cctelemetry.core.port.out.AlertChannel}s (desktop, webhook) with retries.
 * Evaluated after every hook sync and daemon pass: no cron.
 */
package dev.cctelemetry.core.alert;
