/**
 * The ingest use case: transcripts to ledger, incremental, parallel, one transaction per batch.
 */
package dev.cctelemetry.core.sync;
