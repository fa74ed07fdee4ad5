package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.hooks.HookRun;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.cli.hook.HookSyncLog;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cc-telemetry hook-run} (internal, hidden from help): the worker the hook scripts start detached
 * ({@link HookRun}), logging to {@code logs/hook-sync.log}. Always exits 0 and prints nothing: {@link Main} routes
 * it so that even a bad command line stays silent.
 */
@Command(name = "hook-run", hidden = true,
        description = "Internal: handle one Claude Code hook event (started by the hook scripts).")
public final class HookRunCommand implements Callable<Integer> {

    /** How long the end of a run waits for the lock to write its last log lines. */
    static final Duration FINAL_LOG_WAIT = Duration.ofSeconds(30);

    @Option(names = "--event", required = true, paramLabel = "EVENT", description = "stop, session-end or stop-trailing")
    String event;

    @Option(names = "--spool", paramLabel = "FILE", description = "The payload the hook script spooled.")
    Path spool;

    @Option(names = "--session", paramLabel = "ID", description = "The session (required for stop-trailing).")
    String session;

    private final HookRun hookRun;
    private final Syncs syncs;
    private final HookSyncLog hookLog;

    /** A hook-run command. */
    @Inject
    public HookRunCommand(HookRun hookRun, Syncs syncs, HookSyncLog hookLog) {
        this.hookRun = hookRun;
        this.syncs = syncs;
        this.hookLog = hookLog;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            hookRun.run(event, spool, Optional.ofNullable(session));
        } finally {
            hookLog.flushUnderLock(syncs.machineLock(), FINAL_LOG_WAIT);
        }
        return ExitCode.OK;
    }
}
