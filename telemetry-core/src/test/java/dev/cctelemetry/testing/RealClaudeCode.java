package dev.cctelemetry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for tests that drive the real Claude Code CLI: before each test it skips the test when the CLI (and,
 * if asked, tmux) is missing, failing it instead under CI=true ({@link RequiredInCi}), and starts a fresh
 * {@link FakeMessagesApi}; after each test it stops that API. Use it as
 * {@code @RegisterExtension final RealClaudeCode claude = RealClaudeCode.cli();}.
 */
public final class RealClaudeCode implements BeforeEachCallback, AfterEachCallback {

    private final ClaudeCodeCli cli = ClaudeCodeCli.locate();
    private final boolean needsTmux;
    private FakeMessagesApi api;

    private RealClaudeCode(boolean needsTmux) {
        this.needsTmux = needsTmux;
    }

    /** For {@code claude -p} runs ({@link ClaudeCodeCli#run}). */
    public static RealClaudeCode cli() {
        return new RealClaudeCode(false);
    }

    /** For interactive sessions ({@link ClaudeTmuxSession}): also needs tmux. */
    public static RealClaudeCode inTmux() {
        return new RealClaudeCode(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RequiredInCi.assumeAvailable(cli.isAvailable(), cli.unavailableMessage());
        if (needsTmux) {
            RequiredInCi.assumeAvailable(ClaudeTmuxSession.isTmuxAvailable(),
                    ClaudeTmuxSession.tmuxUnavailableMessage());
        }
        api = FakeMessagesApi.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (api != null) {
            api.stop();
            api = null;
        }
    }

    /** The CLI runner. */
    public ClaudeCodeCli runner() {
        return cli;
    }

    /** This test's fake API (started before the test, stopped after it). */
    public FakeMessagesApi api() {
        if (api == null) {
            throw new IllegalStateException("the fake API runs only during a test");
        }
        return api;
    }

    /**
     * A run against this test's fake API with HOME {@code dir/home} and working directory {@code dir/work} (both
     * created), an API key and the other defaults of {@link ClaudeRun#of}.
     */
    public ClaudeRun newRun(String prompt, Path dir) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path work = Files.createDirectories(dir.resolve("work"));
            return ClaudeRun.of(prompt, home, work, api().baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run's home and work folders in " + dir, e);
        }
    }
}
