/**
 * Test fixtures shared by every module through the core test-jar: transcript builders, fakes, a loopback
 * stand-in for the Anthropic Messages API and a driver for the real Claude Code CLI.
 */
package dev.cctelemetry.testing;
