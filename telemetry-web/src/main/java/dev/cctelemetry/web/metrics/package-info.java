/**
 * {@code /metrics}: the usage metrics in Prometheus' exposition formats (written by the Prometheus Java client), on
 * the dashboard's server ({@link dev.cctelemetry.web.metrics.MetricsRoutes}) or on a server of its own
 * ({@link dev.cctelemetry.web.metrics.MetricsServer}, {@code cc-telemetry metrics}). Both serve the same endpoint.
 */
package dev.cctelemetry.web.metrics;
