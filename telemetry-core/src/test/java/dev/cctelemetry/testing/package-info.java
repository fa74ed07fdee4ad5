/**
 * Test fixtures for end-to-end tests that drive the real Claude Code CLI offline: {@link
 * dev.cctelemetry.testing.FakeMessagesApi}, a loopback stand-in for the Anthropic Messages API with scripted replies
 * and exact usage numbers, and {@link dev.cctelemetry.testing.ClaudeCodeCli}, which finds and runs the
 * {@code claude} binary installed by {@code .ci/install-tools.sh} with a temp HOME pointed at that stand-in.
 *
 * <p>Shipped in telemetry-core's test-jar so that adapter modules can reuse them.
 */
package dev.cctelemetry.testing;
