/**
 * The local dashboard: {@link dev.cctelemetry.web.DashboardServer} serves the page, the JSON API its
 * {@link dev.cctelemetry.web.DashboardRoutes} contributions register, and live updates, behind a per-launch
 * token. It reads through ports only and changes nothing.
 */
package dev.cctelemetry.web;
