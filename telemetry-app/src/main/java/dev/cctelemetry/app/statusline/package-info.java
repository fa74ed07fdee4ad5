/**
 * {@code cc-telemetry statusline}: the use case behind Claude Code's {@code statusLine} command (read the payload,
 * print the line from the published figures, record plan-limit changes, run the user's own statusLine first), and
 * the small files it reads instead of the ledger. Runs before any injector exists, so everything here is built by
 * hand from the install layout and a clock.
 */
package dev.cctelemetry.app.statusline;
