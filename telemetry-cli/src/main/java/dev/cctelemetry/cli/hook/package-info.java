/**
 * What the hook commands of the CLI need beyond the adapters: installing the running jar and the hook scripts
 * ({@code setup-hooks}), the roots hook workers have seen, and the hook worker's lock-gated rolling log.
 */
package dev.cctelemetry.cli.hook;
