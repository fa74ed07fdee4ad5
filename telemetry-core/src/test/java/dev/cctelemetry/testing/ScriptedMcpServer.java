package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tiny stdio MCP server (a Node.js script) with one tool that always returns the same text, and a log of every
 * JSON-RPC message Claude Code sent it. It exists to pin down how the real Claude Code CLI 2.1.328 registers, starts,
 * permits and calls MCP servers, so that {@code cc-telemetry mcp} can be held to the same facts:
 * <ul>
 *   <li><b>Registration.</b> {@code claude mcp add --scope user NAME -- CMD ARGS…} writes only
 *       {@code $HOME/.claude.json} (or {@code $CLAUDE_CONFIG_DIR/.claude.json} when that is set), key
 *       {@code mcpServers.NAME = {"type":"stdio","command":CMD,"args":[ARGS…],"env":{}}}, next to the file's other keys;
 *       it prints "Added stdio MCP server NAME with command: CMD ARGS to user config" and "File modified: …", and leaves
 *       a backup at {@code .claude/backups/.claude.json.backup.<ms>} (seen once by hand; a later {@code claude} run
 *       had removed it). Adding a name that exists fails
 *       (exit 1, "MCP server NAME already exists in user config").</li>
 *   <li><b>Listing.</b> {@code claude mcp list} starts every server and prints "Checking MCP server health…", then one
 *       line per server: {@code NAME: CMD ARGS - ✔ Connected}, or {@code - ✘ Failed to connect} (exit 0 either
 *       way).</li>
 *   <li><b>Handshake.</b> Claude Code first sends {@code server/discover} (id {@code server-discover-probe-1},
 *       protocol 2026-07-28 in {@code _meta}); a JSON-RPC error ("method not found") makes it fall back to
 *       {@code initialize} with protocolVersion {@code 2025-11-25}, then {@code notifications/initialized} and
 *       {@code tools/list}.</li>
 *   <li><b>Naming.</b> A tool {@code T} of server {@code NAME} is {@code mcp__NAME__T} to the model. MCP tools are
 *       <em>deferred</em>: they are listed by name in the system prompt (to be loaded with ToolSearch), not in the
 *       request's {@code tools}; a {@code tool_use} naming one directly is still run.</li>
 *   <li><b>Permission.</b> In {@code -p} mode a call is refused unless allowed: {@code --allowedTools mcp__NAME__T}
 *       (or {@code mcp__NAME} for every tool of the server), or the same rule in settings
 *       {@code permissions.allow}. A refused call reaches the API as a {@code tool_result} with
 *       {@code is_error: true}, the server never sees it, and {@code --output-format json} lists it under
 *       {@code permission_denials}.</li>
 *   <li><b>Call.</b> {@code tools/call} carries {@code {"name":T,"arguments":<the tool_use input>,
 *       "_meta":{"claudecode/toolUseId":<tool_use id>,"progressToken":N}}}; the result's {@code content} array goes
 *       to the API unchanged as the {@code tool_result} content.</li>
 * </ul>
 * Needs {@code node} on PATH (.ci/install-tools.sh installs it with npm).
 */
public final class ScriptedMcpServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Answers the handshake, lists one tool, returns a fixed text for it, logs every line it reads. */
    private static final String SCRIPT = """
            import { createInterface } from 'node:readline';
            import { appendFileSync } from 'node:fs';
            const [log, toolName, resultText] = process.argv.slice(2);
            const send = (m) => process.stdout.write(JSON.stringify(m) + '\\n');
            createInterface({ input: process.stdin }).on('line', (line) => {
              appendFileSync(log, line + '\\n');
              let m;
              try { m = JSON.parse(line); } catch { return; }
              if (m.id === undefined) return;
              if (m.method === 'initialize') {
                send({ jsonrpc: '2.0', id: m.id, result: { protocolVersion: m.params.protocolVersion,
                  capabilities: { tools: {} }, serverInfo: { name: 'scripted', version: '1.0.0' } } });
              } else if (m.method === 'tools/list') {
                send({ jsonrpc: '2.0', id: m.id, result: { tools: [{ name: toolName, description: 'scripted tool',
                  inputSchema: { type: 'object', properties: { period: { type: 'string' } } } }] } });
              } else if (m.method === 'tools/call') {
                send({ jsonrpc: '2.0', id: m.id, result: { content: [{ type: 'text', text: resultText }],
                  isError: false } });
              } else if (m.method === 'ping') {
                send({ jsonrpc: '2.0', id: m.id, result: {} });
              } else {
                send({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found: ' + m.method } });
              }
            });
            """;

    private final Path node;
    private final Path script;
    private final Path log;
    private final String toolName;
    private final String resultText;

    private ScriptedMcpServer(Path node, Path script, Path log, String toolName, String resultText) {
        this.node = node;
        this.script = script;
        this.log = log;
        this.toolName = toolName;
        this.resultText = resultText;
    }

    /** The {@code node} executable on PATH, if any. */
    public static Optional<Path> findNode() {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "node");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Writes the script into {@code dir}; the server answers every call of {@code toolName} with {@code resultText}. */
    public static ScriptedMcpServer create(Path dir, String toolName, String resultText) {
        Path node = findNode().orElseThrow(() -> new IllegalStateException("node not found on PATH"));
        try {
            Files.createDirectories(dir);
            Path script = Files.writeString(dir.resolve("scripted-mcp-server.mjs"), SCRIPT);
            return new ScriptedMcpServer(node, script, dir.resolve("scripted-mcp-server.log"), toolName, resultText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the MCP server script", e);
        }
    }

    /** The command that starts it: the absolute {@code node}, the script, the log, the tool name, the result. */
    public List<String> command() {
        return List.of(node.toString(), script.toString(), log.toString(), toolName, resultText);
    }

    /** The name of its one tool (without the {@code mcp__NAME__} prefix). */
    public String toolName() {
        return toolName;
    }

    /** The text every call of the tool returns. */
    public String resultText() {
        return resultText;
    }

    /** Every JSON-RPC message it received, over all its runs, in order (lines that were not JSON are skipped). */
    public List<JsonNode> received() {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<JsonNode> messages = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                try {
                    messages.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    // Not JSON: nothing Claude Code meant as a message.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return List.copyOf(messages);
    }

    /** The {@code tools/call} requests it received. */
    public List<JsonNode> toolCalls() {
        return received().stream().filter(m -> "tools/call".equals(m.path("method").asText())).toList();
    }
}
