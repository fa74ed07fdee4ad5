/**
 * Use cases that drivers (CLI commands, the hook worker, the daemon, embedding tools) call.
 */
package dev.cctelemetry.core.port.in;
