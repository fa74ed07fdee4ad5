package dev.cctelemetry.platform.unix;

import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.LaunchSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.environment.EnvironmentUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Detacher} for Linux and macOS: the process runs in its own session ({@code setsid}; {@code nohup} where
 * there is no {@code setsid}, e.g. macOS), with stdin from {@code /dev/null} and stdout and stderr to
 * {@code /dev/null}.
 *
 * <p>Commons Exec always connects a child to the JVM through pipes, and a child that outlives the JVM would then
 * write into a broken pipe. So Commons Exec runs a tiny {@code /bin/sh} launcher that redirects the real
 * process's stdio to {@code /dev/null} and backgrounds it; the launcher exits at once, so {@link #start} waits
 * only for a fork. The command travels as positional parameters ({@code "$@"}), never spliced into the launcher
 * text, so no argument is re-split or expanded.
 */
public final class SetsidDetacher implements Detacher {

    private static final Logger log = LoggerFactory.getLogger(SetsidDetacher.class);

    /** The launcher: {@code $0} is the program, {@code "$@"} its arguments. */
    static final String LAUNCHER = "if command -v setsid >/dev/null 2>&1; "
            + "then setsid \"$0\" \"$@\" </dev/null >/dev/null 2>&1 & "
            + "else nohup \"$0\" \"$@\" </dev/null >/dev/null 2>&1 & fi";

    private static final Duration LAUNCHER_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public void start(LaunchSpec spec) throws IOException {
        CommandLine line = commandLine(spec.command());
        DefaultExecutor executor = DefaultExecutor.builder()
                .setWorkingDirectory(spec.workingDirectory())
                // null stdin: the launcher's stdin is closed; its (empty) output is discarded.
                .setExecuteStreamHandler(
                        new PumpStreamHandler(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), null))
                .get();
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(LAUNCHER_TIMEOUT).get());
        Map<String, String> env = new HashMap<>(EnvironmentUtils.getProcEnvironment());
        env.putAll(spec.extraEnvironment());
        try {
            executor.execute(line, env);
        } catch (ExecuteException e) {
            throw new IOException("could not detach " + spec.command().get(0) + ": launcher exited "
                    + e.getExitValue(), e);
        }
        log.debug("detached {}", spec.command().get(0));
    }

    /** The launcher command line for {@code command}; visible for tests. */
    static CommandLine commandLine(List<String> command) {
        CommandLine line = new CommandLine("/bin/sh");
        line.addArgument("-c", false);
        line.addArgument(LAUNCHER, false);
        for (String arg : command) {
            line.addArgument(arg, false);
        }
        return line;
    }
}
