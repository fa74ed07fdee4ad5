/**
 * Claude Code's status line: the payload it writes to the {@code statusLine} command's stdin, and the line
 * cc-telemetry prints back (model, session, today, all machines, the active block, plan limits). Parsing and
 * rendering are pure functions; where the figures come from is the application layer's business.
 */
package dev.cctelemetry.core.statusline;
