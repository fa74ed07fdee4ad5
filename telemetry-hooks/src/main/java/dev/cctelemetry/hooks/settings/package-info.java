/**
 * Registering cc-telemetry's {@code Stop} and {@code SessionEnd} hooks in Claude Code's settings files without
 * ever damaging them.
 *
 * <p>{@link dev.cctelemetry.hooks.settings.ClaudeSettingsLocator} finds the file for a scope,
 * {@link dev.cctelemetry.hooks.settings.HookSettingsMerger} merges or removes our handlers on the Jackson tree
 * (pure, no I/O), and {@link dev.cctelemetry.hooks.settings.SettingsFileEditor} does the careful file work: strict
 * parsing like Claude Code, a timestamped backup, an atomic write that keeps permissions and symlinks, and a
 * dry-run diff. Every refusal is a {@link dev.cctelemetry.hooks.settings.ClaudeSettingsException} with a one-line
 * message, and the file is then left byte-for-byte as it was. Rendering the hook scripts themselves is not part
 * of this package.
 */
package dev.cctelemetry.hooks.settings;
