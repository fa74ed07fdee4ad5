package dev.cctelemetry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real Claude Code CLI in interactive mode, in a tmux pane of a fixed size, for what only the interactive UI does:
 * the statusLine, the trust dialog, typed prompts, {@code /exit}. Always close it (try-with-resources): that kills
 * its private tmux server and with it Claude Code.
 *
 * <p>What {@link #start} does, and why (observed on Claude Code 2.1.328, tmux 3.3a):
 * <ul>
 *   <li>A tmux server of its own ({@code -L <random socket>}, {@code -f} a config holding only
 *       {@code remain-on-exit on}, so the last screen stays readable after Claude Code quits).</li>
 *   <li>The pane runs {@code env -i TERM=$TERM <the environment of ClaudeCodeCli> claude [--model …]
 *       [--allowedTools …]; echo $? > <status file>} in the run's working directory: the same hermetic environment
 *       as {@code claude -p} (HOME = the run's temp home, the fake API, no CLAUDE_CONFIG_DIR), nothing from the tmux
 *       server's. {@link #exit} waits for the status file, not for tmux to mark the pane dead: under a load of 25-30
 *       the pane was seen still alive 30 s after {@code /exit} with Claude Code's goodbye on screen and its process
 *       without a command line (3 runs of 7), while the status file has always come within seconds.</li>
 *   <li>{@code ~/.claude.json} in that home is merged with the keys that skip the first-run dialogs
 *       (CLAUDE-CODE.md section 3): {@code hasCompletedOnboarding: true}, the work dir's
 *       {@code projects[<real path>].hasTrustDialogAccepted: true} (hooks and the statusLine stay off until the trust
 *       dialog is accepted) and {@code customApiKeyResponses.approved: ["test"]} for the API key. Keys already there
 *       (e.g. {@code mcpServers} from {@code claude mcp add}) are kept. With them the first screen is the prompt
 *       box.</li>
 *   <li>It waits for the prompt box (a line starting with {@code ❯}), about 2-4 s, then types {@link ClaudeRun#prompt()}
 *       when it is not blank.</li>
 * </ul>
 * The first screen also shows "Auto mode is now Claude Code's default permission mode". A tool that
 * {@code --allowedTools} or a settings {@code permissions.allow} rule does not allow goes to auto mode's safety check,
 * which runs on Anthropic's servers: behind the fake API it cannot, and the session stops on a dialog "Auto mode
 * can't check actions in this session … Enter to stay in auto mode · shift+Tab to leave for accept edits mode and
 * stop · Esc to cancel" (seen by hand with an MCP tool call). With the tool in {@code --allowedTools} the same call
 * runs at once ("Called scripted"), so a test that scripts a tool call allows it explicitly. The statusLine
 * command's output is shown below the prompt box; {@code /exit} ends the session and fires SessionEnd with reason
 * {@code prompt_input_exit}.
 */
public final class ClaudeTmuxSession implements AutoCloseable {

    /** Default time to wait for something to appear on screen. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    /**
     * How long {@link #close} lets the pane's processes end after the hang-up before it kills them: Claude Code runs
     * its SessionEnd hooks first (the tests give them 10 s), which took seconds under a load of 40.
     */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private static final String TARGET = "claude";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String socket;
    private final ClaudeRun run;
    private final Path exitStatus;

    private ClaudeTmuxSession(String socket, ClaudeRun run, Path exitStatus) {
        this.socket = socket;
        this.run = run;
        this.exitStatus = exitStatus;
    }

    /** Whether {@code tmux} runs; when false, tests skip (or fail under CI=true, see {@link RequiredInCi}). */
    public static boolean isTmuxAvailable() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why a test is skipped when tmux is missing. */
    public static String tmuxUnavailableMessage() {
        return "tmux not installed (apt-get install tmux; .ci/install-tools.sh does it in CI)";
    }

    /**
     * Starts Claude Code interactively in a {@code columns} x {@code rows} pane, waits for its prompt box and types
     * the run's prompt (if not blank). On failure the tmux server is killed before the exception leaves.
     */
    public static ClaudeTmuxSession start(ClaudeCodeCli cli, ClaudeRun run, int columns, int rows) {
        Objects.requireNonNull(cli, "cli is null");
        Objects.requireNonNull(run, "run is null");
        ClaudeTmuxSession session;
        try {
            session = new ClaudeTmuxSession("cct-claude-" + UUID.randomUUID(), run,
                    Files.createTempFile("cct-claude-exit", ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the exit status file", e);
        }
        try {
            Files.createDirectories(run.home());
            seedClaudeJson(run);
            Path config = Files.writeString(Files.createTempFile("cct-tmux", ".conf"), "set -g remain-on-exit on\n");
            try {
                session.tmuxChecked("-f", config.toString(), "new-session", "-d", "-s", TARGET,
                        "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                        "-c", run.workDir().toAbsolutePath().toString(), session.paneCommand(cli));
            } finally {
                Files.deleteIfExists(config);
            }
            session.awaitScreen(ClaudeTmuxSession::showsPromptBox, DEFAULT_WAIT, "the prompt box (a line starting ❯)");
            if (!run.prompt().isBlank()) {
                session.submit(run.prompt());
            }
            return session;
        } catch (IOException e) {
            session.close();
            throw new UncheckedIOException("cannot start claude in tmux", e);
        } catch (RuntimeException | AssertionError e) {
            session.close();
            throw e;
        }
    }

    /** Types {@code text} literally, then Enter (sent apart, so Claude Code does not take it for pasted text). */
    public void submit(String text) {
        tmuxChecked("send-keys", "-t", TARGET, "-l", text);
        tmuxChecked("send-keys", "-t", TARGET, "Enter");
    }

    /** Sends tmux key names, e.g. {@code Escape} or {@code C-c}. */
    public void keys(String... keyNames) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", TARGET));
        args.addAll(List.of(keyNames));
        tmuxChecked(args.toArray(String[]::new));
    }

    /** The visible screen, wrapped lines joined. */
    public String screen() {
        return tmux("capture-pane", "-p", "-J", "-t", TARGET).output();
    }

    /** Polls the screen until it contains {@code text}; returns that screen, or fails with the last one seen. */
    public String awaitScreen(String text, Duration timeout) {
        return awaitScreen(s -> s.contains(text), timeout, "'" + text + "'");
    }

    /** Polls the screen until {@code condition} holds (a readiness wait, not a timing assertion). */
    public String awaitScreen(Predicate<String> condition, Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            pause();
        }
        throw new AssertionError("the Claude Code pane never showed " + description + " within " + timeout
                + "; last screen:\n" + screen);
    }

    /**
     * Types {@code /exit}, waits until the {@code claude} process has exited (its SessionEnd hooks have run by then)
     * and returns its exit status.
     */
    public int exit(Duration timeout) {
        submit("/exit");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String status = readExitStatus();
            if (!status.isEmpty()) {
                return Integer.parseInt(status);
            }
            pause();
        }
        throw new AssertionError("Claude Code did not exit within " + timeout + " of /exit; processes on the pane's"
                + " terminal:\n" + terminalProcesses() + "\nscreen:\n" + screen());
    }

    private String readExitStatus() {
        try {
            return Files.readString(exitStatus, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + exitStatus, e);
        }
    }

    /** {@code ps} of every process on the pane's terminal, for failure messages. */
    private String terminalProcesses() {
        return onPaneTerminal("pid,ppid,stat,etime,args");
    }

    /**
     * {@code ps -o format} of every process on the pane's terminal (empty when the server is gone). A process Claude
     * Code started can outlive it there, reparented away from the pane's shell.
     */
    private String onPaneTerminal(String format) {
        TmuxResult tty = tmux("display-message", "-p", "-t", TARGET, "#{pane_tty}");
        if (tty.exitCode() != 0 || tty.output().isBlank()) {
            return "";
        }
        try {
            Process ps = new ProcessBuilder("ps", "-o", format, "-t", tty.output().trim())
                    .redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ps.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "(ps failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** The run this session was started with. */
    public ClaudeRun run() {
        return run;
    }

    /**
     * Kills this session's tmux server (and so Claude Code, if still running) and waits until every process of the
     * pane is gone ({@link PaneProcesses}: Claude Code writes into its HOME while it shuts down, and the caller
     * deletes that HOME next). A process still running {@link #SHUTDOWN_GRACE} after the hang-up is killed. Idempotent.
     */
    @Override
    public void close() {
        PaneProcesses processes = PaneProcesses.of(paneProcessIds());
        tmux("kill-server");
        String left = processes.awaitAllGone(SHUTDOWN_GRACE);
        try {
            Files.deleteIfExists(exitStatus);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("processes of the Claude Code pane survived SIGKILL:\n" + left);
        }
    }

    /** The pane's shell and every process on its terminal; empty once the server is gone. */
    private List<Long> paneProcessIds() {
        List<Long> pids = new ArrayList<>();
        TmuxResult pane = tmux("display-message", "-p", "-t", TARGET, "#{pane_pid}");
        if (pane.exitCode() == 0) {
            parsePid(pane.output()).ifPresent(pids::add);
        }
        onPaneTerminal("pid=").lines().map(ClaudeTmuxSession::parsePid).flatMap(Optional::stream).forEach(pids::add);
        return pids;
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean showsPromptBox(String screen) {
        return screen.lines().anyMatch(l -> l.startsWith("❯"));
    }

    /** The shell command the pane runs: the hermetic environment, the binary and the session options, quoted. */
    private String paneCommand(ClaudeCodeCli cli) {
        Map<String, String> env = new HashMap<>(System.getenv());
        ClaudeCodeCli.environment(env, run);
        StringBuilder cmd = new StringBuilder("env -i TERM=\"$TERM\"");
        env.forEach((name, value) -> cmd.append(' ').append(quote(name + "=" + value)));
        cmd.append(' ').append(quote(cli.binary().toAbsolutePath().toString()));
        run.sessionOptions().forEach(a -> cmd.append(' ').append(quote(a)));
        // The shell writes the status once claude itself has exited: the pane may stay open longer, while some
        // process Claude Code started still holds the terminal.
        cmd.append("; echo $? > ").append(quote(exitStatus.toString()));
        return cmd.toString();
    }

    /** POSIX single quotes: safe for any value, a quote inside written as '\''. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Merges the keys that skip first-run dialogs into {@code home/.claude.json}, keeping every other key. */
    private static void seedClaudeJson(ClaudeRun run) throws IOException {
        Path file = run.home().resolve(".claude.json");
        ObjectNode root = Files.exists(file) && Files.size(file) > 0
                ? (ObjectNode) MAPPER.readTree(file.toFile()) : MAPPER.createObjectNode();
        root.put("hasCompletedOnboarding", true);
        ObjectNode projects = root.has("projects") ? (ObjectNode) root.get("projects") : root.putObject("projects");
        String project = run.workDir().toRealPath().toString();
        JsonNode existing = projects.get(project);
        ObjectNode entry = existing instanceof ObjectNode o ? o : projects.putObject(project);
        entry.put("hasTrustDialogAccepted", true);
        ObjectNode responses = root.has("customApiKeyResponses")
                ? (ObjectNode) root.get("customApiKeyResponses") : root.putObject("customApiKeyResponses");
        ArrayNode approved = responses.has("approved")
                ? (ArrayNode) responses.get("approved") : responses.putArray("approved");
        // Claude Code remembers the last 20 characters of an approved key; the fake key is shorter than that.
        boolean known = false;
        for (JsonNode key : approved) {
            known |= ClaudeAuth.API_KEY_VALUE.equals(key.asText());
        }
        if (!known) {
            approved.add(ClaudeAuth.API_KEY_VALUE);
        }
        if (!responses.has("rejected")) {
            responses.putArray("rejected");
        }
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private void tmuxChecked(String... args) {
        TmuxResult r = tmux(args);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("tmux " + String.join(" ", args) + " failed (" + r.exitCode() + "): "
                    + r.output());
        }
    }

    private TmuxResult tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        if (args.length == 0 || !"-f".equals(args[0])) {
            cmd.addAll(List.of("-f", "/dev/null"));
        }
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new TmuxResult(-1, "tmux timed out");
            }
            return new TmuxResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tmux", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Claude Code pane", e);
        }
    }

    /** What one tmux command printed (stdout and stderr) and its exit code. */
    private record TmuxResult(int exitCode, String output) {
    }
}
