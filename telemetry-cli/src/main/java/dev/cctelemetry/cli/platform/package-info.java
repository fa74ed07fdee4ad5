/**
 * Platform selection: {@link dev.cctelemetry.cli.platform.Platform#detect} picks Unix or Windows once, in the
 * composition root, and its Guice module binds the matching {@code Detacher} and {@code HookScriptRenderer}.
 */
package dev.cctelemetry.cli.platform;
