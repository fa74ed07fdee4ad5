package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.error.ErrorLine;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.hooks.settings.ClaudeSettingsException;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.HookInspection;
import dev.cctelemetry.hooks.settings.HookRegistration;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.settings.SettingsScope;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings file Claude Code reads registers our Stop and SessionEnd hooks, each pointing at our installed,
 * executable script, and nothing in it turns hooks off.
 */
public final class HooksConfiguredCheck implements DoctorCheck {

    static final String NAME = "Hooks configured";
    private static final String INSTALL = "cc-telemetry setup-hooks";

    private final ClaudeSettingsLocator locator;
    private final SettingsFileEditor editor;
    private final InstallLayout layout;
    private final boolean declined;

    /**
     * A check of the user settings {@code locator} finds, against the scripts under {@code layout}.
     *
     * @param declined the user declined the hooks in setup: their absence is a warning, not a problem
     */
    public HooksConfiguredCheck(ClaudeSettingsLocator locator, SettingsFileEditor editor, InstallLayout layout,
            boolean declined) {
        this.locator = locator;
        this.editor = editor;
        this.layout = layout;
        this.declined = declined;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        Path settings;
        try {
            settings = locator.locate(SettingsScope.USER);
        } catch (ClaudeSettingsException e) {
            return CheckResult.fail(NAME, ErrorLine.of(e), "set CLAUDE_CONFIG_DIR to one folder");
        }
        HookInspection in = editor.inspect(settings);
        if (in.problem().isPresent()) {
            String line = in.problemLine().isPresent() ? " (line " + in.problemLine().getAsInt() + ")" : "";
            return CheckResult.fail(NAME, "Claude Code cannot parse " + settings + line + ": " + in.problem().get(),
                    "fix the JSON in " + settings + " (Claude Code ignores the whole file), then " + INSTALL);
        }
        if (in.disableAllHooks()) {
            return CheckResult.fail(NAME, settings + " sets \"disableAllHooks\": true, so no hook runs",
                    "remove \"disableAllHooks\" from " + settings);
        }
        if (in.allowManagedHooksOnly()) {
            return CheckResult.fail(NAME, settings + " sets \"allowManagedHooksOnly\": true, so our hooks never run",
                    "remove \"allowManagedHooksOnly\" from " + settings + " (or ask your admin to add ours)");
        }
        if (in.stopCommand().isEmpty() && in.sessionEndCommand().isEmpty()) {
            return declined
                    ? CheckResult.warn(NAME, "not installed (declined in setup): sync, report or the daemon bring"
                            + " sessions in", INSTALL + " (records each session as it ends)")
                    : CheckResult.fail(NAME, "no cc-telemetry hooks in " + settings, INSTALL);
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(problems("Stop", in.stopCommand(), HookRegistration.STOP_MARKER, "stop"));
        problems.addAll(problems("SessionEnd", in.sessionEndCommand(), HookRegistration.SESSION_END_MARKER,
                "session-end"));
        if (!problems.isEmpty()) {
            return CheckResult.fail(NAME, String.join("; ", problems), INSTALL);
        }
        return CheckResult.ok(NAME, "SessionEnd + Stop (" + settings + ")");
    }

    private List<String> problems(String hook, Optional<String> command, String marker, String event) {
        if (command.isEmpty()) {
            return List.of(hook + " hook not registered");
        }
        Optional<Path> script = scriptPath(command.get(), marker);
        if (script.isEmpty()) {
            return List.of(hook + " hook runs an unrecognised command: " + command.get());
        }
        Path expected = layout.hookScript(event);
        if (!Files.exists(script.get())) {
            return List.of(hook + " hook points at missing script " + script.get());
        }
        if (!sameFile(script.get(), expected)) {
            return List.of(hook + " hook is stale: it runs " + script.get() + ", not " + expected);
        }
        if (!Files.isExecutable(script.get()) && script.get().toString().endsWith(".sh")) {
            return List.of(hook + " script " + script.get() + " is not executable");
        }
        return List.of();
    }

    /** The script path inside a registered command: the quoted (or bare) word containing our marker. */
    static Optional<Path> scriptPath(String command, String marker) {
        int at = command.indexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        int start = at;
        int end = at;
        char quote = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = command.charAt(i);
            if (c == '\'' || c == '"') {
                quote = c;
                start = i + 1;
                break;
            }
            if (Character.isWhitespace(c)) {
                start = i + 1;
                break;
            }
            start = i;
        }
        end = quote != 0 ? command.indexOf(quote, at) : firstWhitespace(command, at);
        if (end < 0) {
            end = command.length();
        }
        try {
            return Optional.of(Path.of(command.substring(start, end)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static int firstWhitespace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
