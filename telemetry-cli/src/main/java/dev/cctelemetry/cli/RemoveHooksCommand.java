package dev.cctelemetry.cli;

import dev.cctelemetry.cli.hook.HookScripts;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
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
    private final HookScriptRenderer renderer;
    private final Clock clock;

    /** A remove-hooks command. */
    @Inject
    public RemoveHooksCommand(TelemetryEnvironment env, HookScriptRenderer renderer, Clock clock) {
        this.env = env;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path settings;
        try {
            settings = scope.settingsFile(env);
        } catch (ClaudeSettingsException e) {
            throw CliException.failure(e.getMessage(), e);
        }
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        HookScripts scripts = new HookScripts(renderer, env.telemetryHome());
        EditMode mode = scope.dryRun ? EditMode.DRY_RUN : EditMode.APPLY;
        SettingsEditResult r = SetupHooksCommand.edit(() -> editor.remove(settings, mode));
        if (scope.dryRun) {
            out.println("Dry run: nothing was written.");
            for (Path p : scripts.installed()) {
                out.println("Script:   would delete " + p);
            }
            SetupHooksCommand.printSettings(out, r, true);
            return ExitCode.OK;
        }
        List<Path> gone = scripts.remove();
        for (Path p : gone) {
            out.println("Script:   " + p + " (deleted)");
        }
        SetupHooksCommand.printSettings(out, r, false);
        if (r.changed()) {
            out.println("Restart running Claude Code sessions to stop the hooks there.");
        }
        return ExitCode.OK;
    }
}
