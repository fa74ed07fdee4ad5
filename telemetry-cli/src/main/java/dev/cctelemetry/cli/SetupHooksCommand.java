package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.hooks.HookInstallation;
import dev.cctelemetry.app.hooks.McpRegistration;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cc-telemetry setup-hooks}: installs this jar and the hook scripts under the telemetry home and registers
 * Stop and SessionEnd in Claude Code's settings. Running it again changes nothing.
 */
@Command(name = "setup-hooks", mixinStandardHelpOptions = true,
        description = {"Sync automatically when Claude Code sessions stop or end.",
            "Installs this jar under <telemetry home>/lib, writes the hook scripts to <telemetry home>/hooks and"
                + " registers them (Stop, and SessionEnd with a 10 s timeout) in Claude Code's settings, keeping"
                + " every other setting and hook. Safe to run again."})
public final class SetupHooksCommand extends HookCommand {

    @Option(names = "--stop-window", paramLabel = "SECONDS", defaultValue = "120",
            description = "Stop debounce window per session: the first Stop syncs at once, later ones in the"
                    + " window collapse into one sync when it closes (default: ${DEFAULT-VALUE}).")
    int stopWindowSeconds;

    @Option(names = "--mcp", description = "Also register the MCP server (cc-telemetry mcp) for Claude Code, for"
            + " every project, as 'claude mcp add --scope user' would (in .claude.json), so Claude Code can answer"
            + " questions about its own usage.")
    boolean mcp;

    private final McpRegistration mcpServer;

    @Option(names = "--statusline", description = "Also set Claude Code's status line to cc-telemetry's (session, today,"
            + " block, plan limits; records plan-limit readings).")
    boolean statusline;

    @Option(names = "--existing-statusline", paramLabel = "chain|leave",
            description = "When you already have a statusLine: chain (ours runs yours first and shows its output above"
                    + " ours; remove-hooks puts yours back) or leave (yours stays, ours is not set).")
    String existingStatusline;

    /** A setup-hooks command. */
    @Inject
    public SetupHooksCommand(HookInstallation hooks, McpRegistration mcpServer) {
        super(hooks);
        this.mcpServer = mcpServer;
    }

    private Optional<HookInstallation.ExistingStatusline> existing() {
        if (existingStatusline == null) {
            return Optional.empty();
        }
        if (!statusline) {
            throw AppException.usage("--existing-statusline goes with --statusline");
        }
        return Optional.of(HookInstallation.ExistingStatusline.ofFlag(existingStatusline));
    }

    @Override
    void run(Path settings, boolean dryRun, PrintWriter out) throws IOException {
        if (stopWindowSeconds < 1) {
            throw AppException.usage("--stop-window must be at least 1 second");
        }
        Optional<HookInstallation.ExistingStatusline> existing = existing();
        // The status line first: a statusLine of the user's without a choice is refused before anything changed.
        if (statusline) {
            hooks.installStatusline(settings, existing, dryRun, out);
        }
        hooks.install(settings, stopWindowSeconds, dryRun, out);
        if (mcp) {
            mcpServer.install(dryRun, out);
        }
        if (!dryRun) {
            out.println("Restart running Claude Code sessions to pick the hooks up.");
        }
    }
}
