/**
 * Plan limits as Claude Code reports them (the statusLine payload's {@code rate_limits}, which Claude Code reads from
 * the API's {@code anthropic-ratelimit-unified-*} headers): windows, readings, what changed, and how fast a window
 * fills. Pure values and rules; where readings are kept is a port ({@link dev.cctelemetry.core.port.out.PlanLimitLog}).
 */
package dev.cctelemetry.core.limits;
