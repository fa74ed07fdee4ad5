package dev.cctelemetry.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry remove-hooks}: removes our Stop and SessionEnd entries from Claude Code's settings and
 * deletes our hook scripts. Other hooks and settings stay; the ledger and the installed jars stay.
 */
@Command(name = "remove-hooks", mixinStandardHelpOptions = true,
        description = {"Unregister cc-telemetry's hooks and delete its hook scripts.",
            "Only cc-telemetry's entries are removed; other hooks, the ledger and lib/ stay."})
public final class RemoveHooksCommand implements Callable<Integer> {

    @Mixin
    HookScopeOption scope;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final TelemetryEnvironment env;
    private final HookInstallation hooks;

    /** A remove-hooks command. */
    @Inject
    public RemoveHooksCommand(TelemetryEnvironment env, HookInstallation hooks) {
        this.env = env;
        this.hooks = hooks;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path settings = scope.settingsFile(env);
        if (hooks.remove(settings, scope.dryRun, out) && !scope.dryRun) {
            out.println("Restart running Claude Code sessions to stop the hooks there.");
        }
        return ExitCode.OK;
    }
}
