package dev.cctelemetry.hooks.settings;

/** Which Claude Code settings file cc-telemetry edits. */
public enum SettingsScope {
    /** {@code $CLAUDE_CONFIG_DIR/settings.json}, else {@code ~/.claude/settings.json}: every project of the user. */
    USER,
    /** {@code <cwd>/.claude/settings.local.json}: one project, not committed. */
    LOCAL
}
