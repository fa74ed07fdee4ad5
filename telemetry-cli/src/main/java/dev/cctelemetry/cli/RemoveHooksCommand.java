package dev.cctelemetry.cli;

import dev.cctelemetry.app.hooks.HookInstallation;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code cc-telemetry remove-hooks}: removes our Stop and SessionEnd entries from Claude Code's settings and
 * deletes our hook scripts. Other hooks and settings stay; the ledger and the installed jars stay.
 */
@Command(name = "remove-hooks", mixinStandardHelpOptions = true,
        description = {"Unregister cc-telemetry's hooks and delete its hook scripts.",
            "Only cc-telemetry's entries are removed; other hooks, the ledger and lib/ stay."})
public final class RemoveHooksCommand extends HookCommand {

    /** A remove-hooks command. */
    @Inject
    public RemoveHooksCommand(HookInstallation hooks) {
        super(hooks);
    }

    @Override
    void run(Path settings, boolean dryRun, PrintWriter out) throws IOException {
        if (hooks.remove(settings, dryRun, out) && !dryRun) {
            out.println("Restart running Claude Code sessions to stop the hooks there.");
        }
    }
}
