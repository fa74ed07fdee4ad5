/**
 * Capabilities core needs from adapters: the ledger, the sync lock.
 */
package dev.cctelemetry.core.port.out;
