package dev.cctelemetry.hooks.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the settings file Claude Code reads for a {@link SettingsScope}. The environment, home and working
 * directory are passed in so that nothing here reads the real process state.
 */
public final class ClaudeSettingsLocator {

    /** Environment variable that moves Claude Code's user config directory. */
    public static final String CONFIG_DIR_VARIABLE = "CLAUDE_CONFIG_DIR";

    private final Map<String, String> env;
    private final Path home;
    private final Path cwd;

    /**
     * @param env  the environment Claude Code runs with (only {@code CLAUDE_CONFIG_DIR} is read)
     * @param home the user's home directory
     * @param cwd  the project directory, for {@link SettingsScope#LOCAL}
     */
    public ClaudeSettingsLocator(Map<String, String> env, Path home, Path cwd) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env is null"));
        this.home = Objects.requireNonNull(home, "home is null");
        this.cwd = Objects.requireNonNull(cwd, "cwd is null");
    }

    /**
     * The settings file for {@code scope}; it may not exist yet.
     *
     * @throws ClaudeSettingsException if {@code CLAUDE_CONFIG_DIR} holds a list (a comma) or is not a valid path
     */
    public Path locate(SettingsScope scope) {
        return switch (scope) {
            case USER -> userConfigDir().resolve("settings.json");
            case LOCAL -> cwd.resolve(".claude").resolve("settings.local.json");
        };
    }

    /**
     * Claude Code's user state file, where {@code claude mcp add --scope user} keeps MCP servers:
     * {@code $CLAUDE_CONFIG_DIR/.claude.json} when that is set, else {@code ~/.claude.json} (beside, not in,
     * {@code ~/.claude}); it may not exist yet.
     *
     * @throws ClaudeSettingsException if {@code CLAUDE_CONFIG_DIR} holds a list (a comma) or is not a valid path
     */
    public Path userState() {
        String configured = env.get(CONFIG_DIR_VARIABLE);
        return configured == null || configured.isBlank() ? home.resolve(".claude.json")
                : userConfigDir().resolve(".claude.json");
    }

    private Path userConfigDir() {
        String configured = env.get(CONFIG_DIR_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return home.resolve(".claude");
        }
        // Claude Code takes exactly one directory here (unlike the transcript scanners, which accept lists).
        if (configured.contains(",")) {
            throw new ClaudeSettingsException(CONFIG_DIR_VARIABLE + " holds several directories ('" + configured
                    + "'); Claude Code reads settings from a single directory, so set it to exactly one");
        }
        try {
            return cwd.resolve(configured.strip());
        } catch (InvalidPathException e) {
            throw new ClaudeSettingsException(CONFIG_DIR_VARIABLE + " is not a valid path: '" + configured + "'", e);
        }
    }
}
