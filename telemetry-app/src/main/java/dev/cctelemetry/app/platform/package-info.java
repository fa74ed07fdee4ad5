/**
 * Platform selection: {@link dev.cctelemetry.app.platform.Platform#detect} picks the OS once, in the composition
 * root, and its Guice module binds the matching {@code Detacher}, {@code HookScriptRenderer} and
 * {@code ServiceInstaller}.
 */
package dev.cctelemetry.app.platform;
