package dev.cctelemetry.app.hooks;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.hooks.settings.ClaudeSettingsException;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.EditMode;
import dev.cctelemetry.hooks.settings.McpServerSettings;
import dev.cctelemetry.hooks.settings.SettingsEditResult;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers {@code cc-telemetry mcp} for Claude Code the way {@code claude mcp add --scope user} does: our entry in
 * the user state file ({@code .claude.json}), starting the installed jar (the versioned copy under {@code lib/}
 * that the hooks run) with this Java runtime. What {@code setup-hooks --mcp}, {@code remove-hooks} and the
 * wizard's MCP step run.
 */
public final class McpRegistration {

    private final TelemetryEnvironment env;
    private final InstalledJar installedJar;
    private final Clock clock;

    @Inject
    McpRegistration(TelemetryEnvironment env, InstalledJar installedJar, Clock clock) {
        this.env = env;
        this.installedJar = installedJar;
        this.clock = clock;
    }

    /**
     * Claude Code's user state file in this environment.
     *
     * @throws AppException when it cannot be located (a comma-separated {@code CLAUDE_CONFIG_DIR})
     */
    public Path stateFile() {
        try {
            return new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir()).userState();
        } catch (ClaudeSettingsException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    /**
     * Installs the jar (if not yet) and registers the server starting it (or, with {@code dryRun}, prints what
     * would change). The state file is parsed (and refused) before anything is written.
     *
     * @throws AppException when not running from the jar, or the state file is refused
     */
    public void install(boolean dryRun, PrintWriter out) throws IOException {
        JarInstaller.Plan plan = installedJar.plan().orElseThrow(() -> AppException.failure(
                "the MCP server must be registered from the cc-telemetry jar (java -jar cc-telemetry.jar"
                        + " setup-hooks --mcp): Claude Code starts the installed jar", null));
        Path file = stateFile();
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        String java = JavaExecutable.launcher().toString();
        List<String> args = arguments(plan.target());
        // Claude Code starts the server with its own environment: the home is named, as for the daemon and service.
        Map<String, String> vars = Map.of("CC_TELEMETRY_HOME", env.telemetryHome().toString());
        SettingsEditResult preview = edit(() -> editor.installMcpServer(file, java, args, vars, EditMode.DRY_RUN));
        if (dryRun) {
            print(out, preview, true, "registered");
            return;
        }
        installedJar.install();
        print(out, edit(() -> editor.installMcpServer(file, java, args, vars, EditMode.APPLY)), false, "registered");
    }

    /**
     * Removes our server from the state file (or, with {@code dryRun}, prints what would change); other servers
     * stay.
     *
     * @return whether the file changed
     */
    public boolean remove(boolean dryRun, PrintWriter out) {
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        SettingsEditResult r = edit(() -> editor.removeMcpServer(stateFile(),
                dryRun ? EditMode.DRY_RUN : EditMode.APPLY));
        if (r.changed()) {
            print(out, r, dryRun, "removed");
        }
        return r.changed();
    }

    /** Whether our server is registered now (false too when the state file cannot be read). */
    public boolean isRegistered() {
        try {
            return new SettingsFileEditor(clock).mcpServer(stateFile()).isPresent();
        } catch (ClaudeSettingsException | AppException e) {
            return false;
        }
    }

    /** The server's command line after the Java launcher: the background JVM options, the jar, {@code mcp}. */
    static List<String> arguments(Path jar) {
        List<String> args = new ArrayList<>(WorkerClassArchive.BACKGROUND_JVM_OPTIONS);
        args.add("-jar");
        args.add(jar.toString());
        args.add("mcp");
        return List.copyOf(args);
    }

    private static void print(PrintWriter out, SettingsEditResult r, boolean dryRun, String done) {
        String server = "MCP:      server '" + McpServerSettings.NAME + "' in " + r.path();
        if (!r.changed()) {
            out.println(server + " (already registered)");
        } else if (dryRun) {
            out.println(server + " would change:");
            out.print(r.diff().endsWith("\n") ? r.diff() : r.diff() + "\n");
        } else {
            out.println(server + " (" + done + r.backup().map(b -> "; backup: " + b).orElse("") + ")");
        }
        r.warnings().forEach(w -> out.println("Warning:  " + w));
    }

    private static SettingsEditResult edit(Supplier<SettingsEditResult> edit) {
        try {
            return edit.get();
        } catch (ClaudeSettingsException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }
}
