package dev.cctelemetry.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    private final HookInstallation hooks;

    /** A setup-hooks command. */
    @Inject
    public SetupHooksCommand(TelemetryEnvironment env, HookInstallation hooks) {
        this.env = env;
        this.hooks = hooks;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (stopWindowSeconds < 1) {
            throw CliException.usage("--stop-window must be at least 1 second");
        }
        Path settings = scope.settingsFile(env);
        hooks.install(settings, stopWindowSeconds, scope.dryRun, out);
        if (!scope.dryRun) {
            out.println("Restart running Claude Code sessions to pick the hooks up.");
        }
        return ExitCode.OK;
    }
}
