/**
 * {@code export --otlp}: the ledger's usage as OpenTelemetry metrics with the names and attributes of Claude Code's
 * own export ({@code claude_code.token.usage}, {@code claude_code.cost.usage}), sent with the OpenTelemetry SDK's
 * OTLP/HTTP exporter, incrementally from a mark of the ledger's change sequence.
 */
package dev.cctelemetry.app.otlp;
