package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.hooks.HookInstallation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code setup-hooks} and {@code remove-hooks} share: the scope and dry-run options, the settings file they
 * name, and the hook installation both run.
 */
abstract class HookCommand implements Callable<Integer> {

    @Mixin
    HookScopeOption scope;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    /** What both commands run. */
    final HookInstallation hooks;

    HookCommand(HookInstallation hooks) {
        this.hooks = hooks;
    }

    @Override
    public final Integer call() throws IOException {
        run(hooks.settingsFile(scope.scope()), scope.dryRun, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** Does the command's work on {@code settings}. */
    abstract void run(Path settings, boolean dryRun, PrintWriter out) throws IOException;
}
