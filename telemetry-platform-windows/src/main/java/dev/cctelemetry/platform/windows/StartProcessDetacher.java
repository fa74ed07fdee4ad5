package dev.cctelemetry.platform.windows;

import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.LaunchSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.environment.EnvironmentUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Detacher} for Windows: asks {@code powershell.exe} (hidden, no profile) to {@code Start-Process} the
 * command with {@code -WindowStyle Hidden}. {@code Start-Process} without {@code -NoNewWindow} or redirection
 * starts the program through the shell, outside our console and without our stdio handles, so the program
 * survives us and holds nothing of ours open. The environment reaches it through {@code powershell.exe}, which it
 * inherits from.
 *
 * <p>Quoting happens three times and each layer is tested on the built command line (this class cannot run on
 * the Linux build machines): each program argument is quoted for the target's Windows command line, that line
 * becomes a PowerShell single-quoted literal ({@code '} doubled), and the whole PowerShell text is quoted once
 * more as the single {@code -Command} argument of {@code powershell.exe}. Java passes an argument that is
 * already wrapped in double quotes through unchanged.
 *
 * <p>{@link #start} returns as soon as {@code powershell.exe} is spawned; a failure of PowerShell itself is only
 * logged.
 */
public final class StartProcessDetacher implements Detacher {

    private static final Logger log = LoggerFactory.getLogger(StartProcessDetacher.class);

    @Override
    public void start(LaunchSpec spec) throws IOException {
        DefaultExecutor executor = DefaultExecutor.builder()
                .setWorkingDirectory(spec.workingDirectory())
                .setExecuteStreamHandler(
                        new PumpStreamHandler(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), null))
                .get();
        Map<String, String> env = new HashMap<>(EnvironmentUtils.getProcEnvironment());
        env.putAll(spec.extraEnvironment());
        String program = spec.command().get(0);
        executor.execute(commandLine(spec), env, new DefaultExecuteResultHandler() {
            @Override
            public void onProcessFailed(ExecuteException e) {
                super.onProcessFailed(e);
                log.warn("powershell.exe could not start {}: exit {}", program, e.getExitValue());
            }
        });
    }

    /** The {@code powershell.exe} command line that starts {@code spec}; visible for tests. */
    static CommandLine commandLine(LaunchSpec spec) {
        CommandLine line = new CommandLine("powershell.exe");
        for (String option : List.of("-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-Command")) {
            line.addArgument(option, false);
        }
        line.addArgument(PowerShellQuoting.windowsArgument(startProcessScript(spec)), false);
        return line;
    }

    /** The PowerShell text: {@code Start-Process -FilePath '...' -ArgumentList '...' ... -WindowStyle Hidden}. */
    static String startProcessScript(LaunchSpec spec) {
        List<String> cmd = spec.command();
        StringBuilder ps = new StringBuilder("Start-Process -FilePath ")
                .append(PowerShellQuoting.singleQuote(cmd.get(0)));
        if (cmd.size() > 1) {
            // One string, not an array: Windows PowerShell joins array elements without quoting them.
            String argumentLine = cmd.subList(1, cmd.size()).stream()
                    .map(PowerShellQuoting::windowsArgument)
                    .collect(Collectors.joining(" "));
            ps.append(" -ArgumentList ").append(PowerShellQuoting.singleQuote(argumentLine));
        }
        ps.append(" -WorkingDirectory ").append(PowerShellQuoting.singleQuote(spec.workingDirectory().toString()));
        return ps.append(" -WindowStyle Hidden").toString();
    }
}
