package dev.cctelemetry.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code claude -p} invocation: what to ask, where, against which API, with which options. The same record
 * describes an interactive session for {@link ClaudeTmuxSession}, which types {@link #prompt()} into the prompt box
 * instead of passing {@code -p}.
 *
 * @param prompt the prompt passed to {@code -p}
 * @param home the HOME (and USERPROFILE) Claude Code sees; transcripts land in {@code home/.claude/projects}
 * @param workDir the working directory (the session's {@code cwd})
 * @param apiBaseUrl value for {@code ANTHROPIC_BASE_URL}, normally {@link FakeMessagesApi#baseUrl()}
 * @param model {@code --model}, when set
 * @param allowedTools {@code --allowedTools} values, e.g. {@code Bash}
 * @param jsonOutput whether to pass {@code --output-format json}
 * @param timeout how long to wait before killing the process
 * @param extraEnv further environment variables (applied last)
 * @param auth the fake credential: an API key, or a gateway token that makes Claude Code report plan limits
 */
public record ClaudeRun(String prompt, Path home, Path workDir, URI apiBaseUrl, Optional<String> model,
        List<String> allowedTools, boolean jsonOutput, Duration timeout, Map<String, String> extraEnv,
        ClaudeAuth auth) {

    /** Default time limit for one run; a scripted run takes well under a second. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public ClaudeRun {
        Objects.requireNonNull(prompt, "prompt is null");
        Objects.requireNonNull(home, "home is null");
        Objects.requireNonNull(workDir, "workDir is null");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl is null");
        Objects.requireNonNull(model, "model is null");
        allowedTools = List.copyOf(allowedTools);
        Objects.requireNonNull(timeout, "timeout is null");
        extraEnv = Map.copyOf(extraEnv);
        Objects.requireNonNull(auth, "auth is null");
    }

    /**
     * A plain text-mode run with the default model, no tools allowed, {@link #DEFAULT_TIMEOUT} and an API key.
     */
    public static ClaudeRun of(String prompt, Path home, Path workDir, URI apiBaseUrl) {
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, Optional.empty(), List.of(), false, DEFAULT_TIMEOUT,
                Map.of(), ClaudeAuth.API_KEY);
    }

    /** The same run with {@code --model}. */
    public ClaudeRun withModel(String m) {
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, Optional.of(m), allowedTools, jsonOutput, timeout,
                extraEnv, auth);
    }

    /** The same run with {@code --allowedTools}. */
    public ClaudeRun withAllowedTools(String... tools) {
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, model, List.of(tools), jsonOutput, timeout, extraEnv,
                auth);
    }

    /** The same run with {@code --output-format json}. */
    public ClaudeRun withJsonOutput() {
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, model, allowedTools, true, timeout, extraEnv, auth);
    }

    /** The same run with another time limit. */
    public ClaudeRun withTimeout(Duration t) {
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, model, allowedTools, jsonOutput, t, extraEnv, auth);
    }

    /** The same run with another credential. */
    public ClaudeRun withAuth(ClaudeAuth a) {
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, model, allowedTools, jsonOutput, timeout, extraEnv, a);
    }

    /** The same run with one more environment variable. */
    public ClaudeRun withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put(name, value);
        return new ClaudeRun(prompt, home, workDir, apiBaseUrl, model, allowedTools, jsonOutput, timeout, env, auth);
    }

    /**
     * Where Claude Code writes this run's transcripts: {@code home/.claude/projects/<encoded cwd>}, the real path of
     * {@link #workDir()} with every non-alphanumeric character replaced by {@code -} (CLAUDE-CODE.md 2.1; paths
     * short enough not to be hashed).
     */
    public Path projectDir() {
        Path cwd;
        try {
            cwd = workDir.toRealPath();
        } catch (java.io.IOException e) {
            cwd = workDir.toAbsolutePath().normalize();
        }
        return home.resolve(".claude").resolve("projects").resolve(cwd.toString().replaceAll("[^A-Za-z0-9]", "-"));
    }

    /** The command line after the binary. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("-p", prompt));
        args.addAll(sessionOptions());
        if (jsonOutput) {
            args.add("--output-format");
            args.add("json");
        }
        return List.copyOf(args);
    }

    /** The options that also apply to an interactive session: {@code --model} and {@code --allowedTools}. */
    public List<String> sessionOptions() {
        List<String> args = new ArrayList<>();
        model.ifPresent(m -> {
            args.add("--model");
            args.add(m);
        });
        if (!allowedTools.isEmpty()) {
            args.add("--allowedTools");
            args.add(String.join(",", allowedTools));
        }
        return List.copyOf(args);
    }
}
