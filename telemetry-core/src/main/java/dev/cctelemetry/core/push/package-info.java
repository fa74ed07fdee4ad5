/**
 * Pushing the ledger to the shared remote store: the ledger is the durable outbox, {@link
 * dev.cctelemetry.core.push.Pusher} sends what changed since the last acknowledged push, one pusher per machine,
 * and backs off after failures so hook-triggered pushes do not hammer an unreachable server.
 */
package dev.cctelemetry.core.push;
