/**
 * Finding Claude Code transcripts under config roots and reading them incrementally by byte offset.
 */
package dev.cctelemetry.core.transcript;
