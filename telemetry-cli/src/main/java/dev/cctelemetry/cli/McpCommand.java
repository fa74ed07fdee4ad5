package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.mcp.UsageMcpServer;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cc-telemetry mcp}: the MCP server on stdin and stdout, for Claude Code to start ({@code setup-hooks --mcp}
 * registers it). Stdout carries JSON-RPC only; logging goes to stderr, as for every command.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Run the MCP server on stdin/stdout, so Claude Code can ask about its own usage"
                + " (read-only tools; register it with 'setup-hooks --mcp'). Ends when stdin closes.")
public final class McpCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    private final UsageMcpServer server;

    /** An MCP command. */
    @Inject
    public McpCommand(UsageMcpServer server) {
        this.server = server;
    }

    @Override
    public Integer call() throws InterruptedException {
        // The raw streams: the protocol is the whole of stdout, and nothing else may write there.
        server.serve(System.in, System.out);
        return ExitCode.OK;
    }
}
