/**
 * Capabilities core needs from adapters: the ledger (and its read side for reports), the sync lock.
 */
package dev.cctelemetry.core.port.out;
