/**
 * Alerts after every hook sync and daemon pass: {@link dev.cctelemetry.app.alert.Alerts} reads the budgets and the
 * plan-limit readings, raises each threshold once per period in the ledger's alert log and delivers it through the
 * channels {@link dev.cctelemetry.app.alert.AlertBook} keeps in {@code config.json} (desktop notifications, a
 * webhook), built by {@link dev.cctelemetry.app.alert.AlertChannels}.
 */
package dev.cctelemetry.app.alert;
