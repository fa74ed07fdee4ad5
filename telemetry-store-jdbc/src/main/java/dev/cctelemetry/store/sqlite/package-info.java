/**
 * The local ledger on SQLite: usage events keyed by {@code (message_id, request_id)}, transcript checkpoints and
 * Claude Code's cost-state lines, committed together in one transaction per batch.
 */
package dev.cctelemetry.store.sqlite;
