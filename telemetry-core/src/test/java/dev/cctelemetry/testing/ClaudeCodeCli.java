package dev.cctelemetry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Claude Code CLI ({@code claude -p}) hermetically for end-to-end tests: fresh HOME, the API pointed
 * at a loopback {@link FakeMessagesApi}, and nothing from the developer's environment that could reach their real
 * account or config.
 *
 * <p>The binary is found in this order: system property {@code cct.claude.bin}, environment variable
 * {@code CCT_CLAUDE_BIN}, else {@code <repo root>/.tools/node_modules/.bin/claude} where {@code .ci/install-tools.sh}
 * puts it (the repo root is the nearest directory above the working directory holding {@code mvnw}). Tests call
 * {@link #isAvailable()} and skip when it is false.
 *
 * <p>Environment of the child, found by running Claude Code 2.1.328 with {@code --debug-file} and
 * {@code strace -e trace=connect}: the parent environment is <em>not</em> inherited (so {@code CLAUDE_CONFIG_DIR},
 * which surefire sets, {@code ANTHROPIC_*}, {@code OTEL_*} and friends never leak in); only {@code PATH}, locale,
 * temp-dir and Windows system variables are copied. Then:
 * <ul>
 *   <li>{@code HOME} (and {@code USERPROFILE}) = the run's temp home: {@code .claude.json}, {@code .claude/projects}
 *       transcripts and {@code .claude/settings.json} (hooks) live there;</li>
 *   <li>{@code ANTHROPIC_BASE_URL} = the fake API;</li>
 *   <li>{@code ANTHROPIC_API_KEY=test}: required, any value; without it {@code -p} exits 1 with
 *       "Not logged in · Please run /login". Or, with {@link ClaudeAuth#GATEWAY_TOKEN}, {@code ANTHROPIC_AUTH_TOKEN}
 *       = an unsigned gateway JWT instead, which makes Claude Code report plan limits;</li>
 *   <li>{@code CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1}: required for offline; without it Claude Code also
 *       contacts {@code api.anthropic.com} directly, ignoring the base URL (MCP registry fetch and first-party event
 *       logging; DNS lookups plus "ENOTFOUND" errors in the debug log). With it, the only connection the process
 *       opens is the one to the fake API;</li>
 *   <li>{@code DISABLE_AUTOUPDATER=1}: implied by the previous variable in 2.1.328, set anyway for other versions.</li>
 * </ul>
 * Stdin is closed at once, because {@code claude -p} appends piped stdin to the prompt.
 */
public final class ClaudeCodeCli {

    /** System property naming the binary. */
    public static final String BINARY_PROPERTY = "cct.claude.bin";
    /** Environment variable naming the binary. */
    public static final String BINARY_ENV = "CCT_CLAUDE_BIN";

    private static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TEMP",
            "TMP", "SystemRoot", "SystemDrive", "windir", "ComSpec", "PATHEXT");

    private final Path binary;

    /** A runner for an explicit binary. */
    public ClaudeCodeCli(Path binary) {
        this.binary = Objects.requireNonNull(binary, "binary is null");
    }

    /** A runner for the binary found by the lookup order described on this class. */
    public static ClaudeCodeCli locate() {
        String prop = System.getProperty(BINARY_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return new ClaudeCodeCli(Path.of(prop));
        }
        String env = System.getenv(BINARY_ENV);
        if (env != null && !env.isBlank()) {
            return new ClaudeCodeCli(Path.of(env));
        }
        Path bin = repoRoot().orElse(Path.of("").toAbsolutePath())
                .resolve(".tools").resolve("node_modules").resolve(".bin");
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new ClaudeCodeCli(bin.resolve(windows ? "claude.cmd" : "claude"));
    }

    /** The nearest directory at or above the working directory that holds {@code mvnw}. */
    public static Optional<Path> repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The binary this runner starts. */
    public Path binary() {
        return binary;
    }

    /** Whether the binary exists and is executable; when false, tests should skip with a hint to install it. */
    public boolean isAvailable() {
        return Files.isRegularFile(binary) && Files.isExecutable(binary);
    }

    /** Why a test is skipped when the binary is missing. */
    public String unavailableMessage() {
        return "Claude Code CLI not found at " + binary + ": run .ci/install-tools.sh, or set -D" + BINARY_PROPERTY
                + " / " + BINARY_ENV;
    }

    /**
     * Runs {@code claude} with the run's arguments and the hermetic environment, waits for it to exit or for the
     * time limit (then kills it and its children), and returns its output.
     */
    public ClaudeResult run(ClaudeRun run) {
        return exec(run, run.arguments());
    }

    /**
     * Runs {@code claude} with other arguments (e.g. {@code mcp add …}, {@code mcp list}) in the run's hermetic
     * environment, home and working directory, with the run's time limit; the run's prompt and options are not used.
     */
    public ClaudeResult exec(ClaudeRun run, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command).directory(run.workDir().toFile());
        environment(pb.environment(), run);
        Path out = null;
        Path err = null;
        try {
            Files.createDirectories(run.home());
            out = Files.createTempFile("claude-stdout", ".txt");
            err = Files.createTempFile("claude-stderr", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            boolean exited = p.waitFor(run.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new ClaudeResult(exited ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), !exited);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running claude", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Builds the child environment; see the class comment for why each variable is there. */
    static void environment(Map<String, String> env, ClaudeRun run) {
        Map<String, String> parent = Map.copyOf(env);
        env.clear();
        // Case-insensitive because Windows spells them "Path", "SYSTEMROOT" … as it likes.
        parent.forEach((name, value) -> {
            if (INHERITED.stream().anyMatch(name::equalsIgnoreCase)) {
                env.put(name, value);
            }
        });
        String home = run.home().toAbsolutePath().toString();
        env.put("HOME", home);
        env.put("USERPROFILE", home);
        env.put("ANTHROPIC_BASE_URL", run.apiBaseUrl().toString());
        run.auth().applyTo(env);
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.putAll(run.extraEnv());
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
