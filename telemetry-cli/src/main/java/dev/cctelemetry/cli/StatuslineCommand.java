package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.statusline.StatuslineRun;
import dev.cctelemetry.core.statusline.LocalZone;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry statusline}: the command Claude Code's {@code statusLine} setting runs. A bare
 * {@code statusline} is answered by {@link Main} before the injector, logging or SQLite start ({@link #runFast});
 * this class is what {@code --help} lists, and what runs the same use case in-process (tests).
 */
@Command(name = StatuslineCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Print the status line for Claude Code's statusLine setting: reads the payload on stdin, shows "
                + "model, session, today, the active block and the plan limits, and records plan-limit changes.",
                "Always exits 0 and writes nothing to stderr. 'setup-hooks --statusline' sets it up."})
public final class StatuslineCommand implements Callable<Integer> {

    /** The command's name. */
    static final String NAME = "statusline";

    @Spec
    CommandSpec spec;

    private final TelemetryEnvironment env;
    private final Clock clock;

    /** A statusline command. */
    @Inject
    public StatuslineCommand(TelemetryEnvironment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        new StatuslineRun(env.layout(), clock.withZone(ZoneId.systemDefault())).run(System.in, env.env(), line);
        spec.commandLine().getOut().print(line.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Whether {@code args} is the bare command Claude Code runs, which {@link #runFast} answers. */
    static boolean isFast(String[] args) {
        return args.length == 1 && args[0].equals(NAME);
    }

    /**
     * Answers a statusline run without starting anything else; stderr is silenced for the rest of the process
     * (Claude Code shows a status line's stderr nowhere, and nothing of ours belongs there).
     */
    static void runFast(TelemetryEnvironment env, Map<String, String> processEnv, InputStream stdin, OutputStream out) {
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        // The zone from java.util.TimeZone, not ZoneId.systemDefault(): see LocalZone for the ~40 ms that saves.
        // The clock only gives instants (the plan-limit log stores instants), so UTC costs nothing.
        new StatuslineRun(env.layout(), Clock.systemUTC(), LocalZone.systemDefault()).run(stdin, processEnv, out);
    }
}
