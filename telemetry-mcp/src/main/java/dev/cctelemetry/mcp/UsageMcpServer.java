package dev.cctelemetry.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.mcp.tool.McpTool;
import dev.cctelemetry.mcp.tool.ToolAnswer;
import dev.cctelemetry.mcp.tool.ToolArguments;
import dev.cctelemetry.mcp.tool.ToolInputException;
import dev.cctelemetry.mcp.tool.UsageTools;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over a pair of streams (stdin and stdout when Claude Code starts it): JSON-RPC only on the output
 * stream, logging elsewhere. It serves the {@link UsageTools}, every one read-only, until the input ends.
 */
public final class UsageMcpServer {

    private static final Logger LOG = LoggerFactory.getLogger(UsageMcpServer.class);

    private static final String INSTRUCTIONS = "Exact Claude Code token usage and cost (USD) from cc-telemetry's"
            + " ledger of transcripts: this machine's, or every machine's when a shared store is configured."
            + " Every tool is read-only. Dates are in the user's time zone.";

    private final UsageTools tools;
    private final String version;

    @Inject
    UsageMcpServer(UsageTools tools) {
        this.tools = tools;
        this.version = java.util.Objects.requireNonNullElse(UsageMcpServer.class.getPackage()
                .getImplementationVersion(), "dev");
    }

    /**
     * Serves requests read from {@code in}, answering on {@code out}, until {@code in} ends; then returns.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        EndOfInput input = new EndOfInput(in);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, input, out))
                .serverInfo("cc-telemetry", version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(mapper)
                .tools(specifications())
                .build();
        try {
            input.awaitEnd();
        } finally {
            server.closeGracefully();
        }
    }

    /** The SDK's specification of each tool: its schema, read-only hints, and the call wrapped in error handling. */
    List<SyncToolSpecification> specifications() {
        return tools.all().stream().map(tool -> SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(tool.name(), tool.inputSchema()).description(tool.description())
                        .annotations(new ToolAnnotations(null, true, false, true, false, null))
                        .build())
                .callHandler((exchange, request) -> call(tool, new ToolArguments(request.arguments())))
                .build()).toList();
    }

    /** A call's result; failures become an error result with one line the model can act on. */
    static CallToolResult call(McpTool tool, ToolArguments arguments) {
        try {
            ToolAnswer answer = tool.call(arguments);
            // Claude Code 2.1.328 hands the model the structured content alone when there is one (McpClaudeCodeIT):
            // the text leads it as "summary", so the model reads both.
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("summary", answer.text());
            structured.putAll(answer.structured());
            return CallToolResult.builder().addTextContent(answer.text()).structuredContent(structured)
                    .isError(false).build();
        } catch (ToolInputException | AppException | UncheckedIOException e) {
            return error(tool, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", tool.name(), ErrorLine.of(e), e);
            return error(tool, ErrorLine.of(e));
        }
    }

    private static CallToolResult error(McpTool tool, String message) {
        return CallToolResult.builder().addTextContent("cc-telemetry " + tool.name() + ": " + message)
                .isError(true).build();
    }

    /** The input stream, telling when it has ended (Claude Code closed our stdin: time to exit). */
    private static final class EndOfInput extends FilterInputStream {

        private final CountDownLatch ended = new CountDownLatch(1);

        EndOfInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return ended(super.read(b, off, len));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int ended(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            ended.countDown();
            super.close();
        }

        void awaitEnd() throws InterruptedException {
            ended.await();
        }
    }
}
