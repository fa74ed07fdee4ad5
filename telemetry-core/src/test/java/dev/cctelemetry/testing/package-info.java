/**
 * Test doubles for core ports, shipped in the core test-jar so adapter modules can drive a real
 * {@link dev.cctelemetry.core.sync.SyncService} without a database.
 */
package dev.cctelemetry.testing;
