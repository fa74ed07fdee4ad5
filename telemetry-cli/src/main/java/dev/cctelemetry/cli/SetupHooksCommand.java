package dev.cctelemetry.cli;

import dev.cctelemetry.cli.hook.HookScripts;
import dev.cctelemetry.cli.hook.JarInstaller;
import dev.cctelemetry.cli.hook.JavaExecutable;
import dev.cctelemetry.cli.hook.RunningJar;
import dev.cctelemetry.cli.platform.Platform;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.hooks.settings.ClaudeSettingsException;
import dev.cctelemetry.hooks.settings.EditMode;
import dev.cctelemetry.hooks.settings.SettingsEditResult;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry setup-hooks}: installs this jar and the hook scripts under the telemetry home and registers
 * Stop and SessionEnd in Claude Code's settings. Running it again changes nothing.
 */
@Command(name = "setup-hooks", mixinStandardHelpOptions = true,
        description = {"Sync automatically when Claude Code sessions stop or end.",
            "Installs this jar under <telemetry home>/lib, writes the hook scripts to <telemetry home>/hooks and"
                + " registers them (Stop, and SessionEnd with a 10 s timeout) in Claude Code's settings, keeping"
                + " every other setting and hook. Safe to run again."})
public final class SetupHooksCommand implements Callable<Integer> {

    @Mixin
    HookScopeOption scope;

    @Option(names = "--stop-window", paramLabel = "SECONDS", defaultValue = "120",
            description = "Stop debounce window per session: the first Stop syncs at once, later ones in the"
                    + " window collapse into one sync when it closes (default: ${DEFAULT-VALUE}).")
    int stopWindowSeconds;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final TelemetryEnvironment env;
    private final HookScriptRenderer renderer;
    private final Platform platform;
    private final RunningJar runningJar;
    private final Clock clock;

    /** A setup-hooks command. */
    @Inject
    public SetupHooksCommand(TelemetryEnvironment env, HookScriptRenderer renderer, Platform platform,
            RunningJar runningJar, Clock clock) {
        this.env = env;
        this.renderer = renderer;
        this.platform = platform;
        this.runningJar = runningJar;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (stopWindowSeconds < 1) {
            throw CliException.usage("--stop-window must be at least 1 second");
        }
        Path settings = settingsFile();
        Path jar = runningJar.find().orElseThrow(() -> CliException.failure(
                "setup-hooks must run from the cc-telemetry jar (java -jar cc-telemetry.jar setup-hooks):"
                        + " the hooks call the installed jar", null));
        Path home = env.telemetryHome();
        JarInstaller installer = new JarInstaller();
        JarInstaller.Plan plan = installer.plan(jar, home.resolve("lib"), version());
        HookScripts scripts = new HookScripts(renderer, home);
        HookScriptSpec scriptSpec = new HookScriptSpec(JavaExecutable.current(platform == Platform.WINDOWS),
                plan.target(), home, stopWindowSeconds, HookScriptSpec.DEFAULT_MAX_STDIN_BYTES);
        SettingsFileEditor editor = new SettingsFileEditor(clock);

        // Parse (and refuse) the settings before touching anything else, so a refused file leaves no trace.
        SettingsEditResult preview = edit(() -> editor.install(settings, scripts.registration(), EditMode.DRY_RUN));
        if (scope.dryRun) {
            out.println("Dry run: nothing was written.");
            out.println(plan.alreadyInstalled() ? "Jar:      " + plan.target() + " (already installed)"
                    : "Jar:      would install " + plan.target());
            List<Path> outdated = scripts.outdated(scriptSpec);
            for (Path p : outdated) {
                out.println("Script:   would write " + p);
            }
            printSettings(out, preview, true);
            return ExitCode.OK;
        }
        boolean copied = installer.install(plan);
        List<Path> written = scripts.write(scriptSpec);
        SettingsEditResult result = edit(() -> editor.install(settings, scripts.registration(), EditMode.APPLY));
        out.println("Jar:      " + plan.target() + (copied ? " (installed)" : " (already installed)"));
        for (var e : dev.cctelemetry.core.port.out.HookEvent.values()) {
            Path p = scripts.script(e);
            out.println("Script:   " + p + (written.contains(p) ? " (written)" : " (unchanged)"));
        }
        printSettings(out, result, false);
        out.println("Restart running Claude Code sessions to pick the hooks up.");
        return ExitCode.OK;
    }

    private Path settingsFile() {
        try {
            return scope.settingsFile(env);
        } catch (ClaudeSettingsException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    static void printSettings(PrintWriter out, SettingsEditResult r, boolean dryRun) {
        if (!r.changed()) {
            out.println("Settings: " + r.path() + " (already up to date)");
        } else if (dryRun) {
            out.println("Settings: " + r.path() + " would change:");
            out.print(r.diff().endsWith("\n") ? r.diff() : r.diff() + "\n");
        } else {
            out.println("Settings: " + r.path() + " (updated" + r.backup().map(b -> "; backup: " + b).orElse("")
                    + ")");
            out.print(r.diff().endsWith("\n") ? r.diff() : r.diff() + "\n");
        }
        for (String w : r.warnings()) {
            out.println("Warning:  " + w);
        }
    }

    static SettingsEditResult edit(java.util.function.Supplier<SettingsEditResult> edit) {
        try {
            return edit.get();
        } catch (ClaudeSettingsException e) {
            throw CliException.failure(e.getMessage(), e);
        }
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
