package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.hooks.settings.SettingsScope;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --scope user|local} and {@code --dry-run}, shared by {@code setup-hooks} and {@code remove-hooks}. */
public final class HookScopeOption {

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "user",
            description = "user: $CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json (default);"
                    + " local: ./.claude/settings.local.json of the current project.")
    String scope;

    @Option(names = "--dry-run", description = "Print what would change (a diff of the settings); write nothing.")
    boolean dryRun;

    /** The scope; a value other than user or local is a usage error. */
    SettingsScope scope() {
        return switch (scope.toLowerCase(Locale.ROOT)) {
            case "user" -> SettingsScope.USER;
            case "local" -> SettingsScope.LOCAL;
            default -> throw AppException.usage("--scope must be user or local, not '" + scope + "'");
        };
    }
}
