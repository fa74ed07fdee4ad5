package dev.cctelemetry.cli;

import dev.cctelemetry.app.hooks.HookInstallation;
import dev.cctelemetry.app.hooks.McpRegistration;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cc-telemetry remove-hooks}: removes our Stop and SessionEnd entries from Claude Code's settings, deletes
 * our hook scripts and unregisters our MCP server. Other hooks, servers and settings stay; the ledger and the
 * installed jars stay.
 */
@Command(name = "remove-hooks", mixinStandardHelpOptions = true,
        description = {"Unregister cc-telemetry's hooks and MCP server, and delete its hook scripts.",
            "Only cc-telemetry's entries are removed; other hooks, MCP servers, the ledger and lib/ stay."})
public final class RemoveHooksCommand extends HookCommand {

    @Option(names = "--mcp", description = "Only unregister the MCP server; keep the hooks.")
    boolean mcpOnly;

    private final McpRegistration mcpServer;

    /** A remove-hooks command. */
    @Inject
    public RemoveHooksCommand(HookInstallation hooks, McpRegistration mcpServer) {
        super(hooks);
        this.mcpServer = mcpServer;
    }

    @Override
    void run(Path settings, boolean dryRun, PrintWriter out) throws IOException {
        boolean changed = !mcpOnly && hooks.remove(settings, dryRun, out);
        changed |= mcpServer.remove(dryRun, out);
        if (mcpOnly && !changed) {
            out.println("MCP:      no server of cc-telemetry's in " + mcpServer.stateFile());
        }
        if (changed && !dryRun) {
            out.println("Restart running Claude Code sessions to stop the hooks and the MCP server there.");
        }
    }
}
