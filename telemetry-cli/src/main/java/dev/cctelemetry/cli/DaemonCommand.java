package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.daemon.Daemon;
import dev.cctelemetry.poller.IntervalText;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry daemon}: reconcile at start and then every interval, so sessions the hooks missed reach
 * the ledger. One per machine (an OS file lock); stops cleanly on SIGTERM or Ctrl-C.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Reconcile the ledger with every transcript at start and then every interval (catches"
                + " sessions the hooks missed). One daemon per machine; stop with Ctrl-C, SIGTERM or daemon --stop"
                + " (SIGTERM and --stop exit 0 once the pass in progress has committed).",
            "Log: <home>/logs/daemon.log; last pass: <home>/state/daemon-status.json."})
public final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--interval", paramLabel = "DURATION", converter = IntervalConverter.class,
            description = "Time between passes, e.g. 60m, 15m, 90s (default: 60m when Claude Code hooks are"
                    + " installed, else 15m).")
    Duration interval;

    @Option(names = "--background", description = "Start the daemon detached from this terminal (on the jar's"
            + " copy under ~/.claude-telemetry/lib/), print its pid and return.")
    boolean background;

    @Option(names = "--stop", description = "Stop the daemon running on this machine (it finishes its commit"
            + " first) and wait for it to exit.")
    boolean stop;

    @Option(names = "--claude-dir", paramLabel = "DIR",
            description = "Claude config folder holding projects/ (repeatable). Default: CLAUDE_CONFIG_DIR,"
                    + " else ~/.config/claude and ~/.claude; plus the roots hooks recorded.")
    List<Path> claudeDirs = new ArrayList<>();

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final Daemon daemon;

    /** A daemon command. */
    @Inject
    public DaemonCommand(Daemon daemon) {
        this.daemon = daemon;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (stop) {
            if (background) {
                throw AppException.usage("--stop and --background do not go together");
            }
            OptionalLong stopped = daemon.stop();
            out.println(stopped.isPresent() ? "Stopped the cc-telemetry daemon (pid " + stopped.getAsLong() + ")."
                    : "No cc-telemetry daemon is running.");
            return ExitCode.OK;
        }
        Duration every = daemon.interval(Optional.ofNullable(interval), claudeDirs);
        if (background) {
            OptionalLong pid = daemon.startInBackground(every, claudeDirs);
            out.printf(Locale.ROOT, "Started the cc-telemetry daemon in the background (%s, a pass every %s)."
                    + " Log: %s%nStop it with: cc-telemetry daemon --stop%n",
                    pid.isPresent() ? "pid " + pid.getAsLong() : "pid not known yet: see service-status",
                    IntervalText.format(every), daemon.log());
            return ExitCode.OK;
        }
        daemon.run(every, claudeDirs, () -> DaemonLogging.start(daemon.log()), pid -> {
            out.printf(Locale.ROOT, "cc-telemetry daemon (pid %d): a pass now and every %s. Log: %s%n", pid,
                    IntervalText.format(every), daemon.log());
            out.flush();
        });
        return ExitCode.OK;
    }
}
