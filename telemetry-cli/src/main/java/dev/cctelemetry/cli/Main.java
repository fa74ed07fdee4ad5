package dev.cctelemetry.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: reads the environment once, builds the one injector, runs the command, maps the exit code. */
public final class Main {

    private Main() {
    }

    /** Runs cc-telemetry and exits with its code. */
    public static void main(String[] args) {
        TelemetryEnvironment env = new TelemetryEnvironment(System.getenv(),
                Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath());
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, env, Clock.systemUTC(), out, err);
        out.flush();
        err.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command in this process; what tests call. */
    public static int run(String[] args, TelemetryEnvironment env, Clock clock, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        configureLogging(verbose);
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CliModule(env, clock));
        CommandLine cl = new CommandLine(RootCommand.class, new GuiceFactory(injector));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ex instanceof CliException c ? c.exitCode() : ExitCode.FAILURE;
            commandLine.getErr().println("cc-telemetry: " + oneLine(ex));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            } else if (!(ex instanceof CliException)) {
                commandLine.getErr().println("(run with --verbose for details)");
            }
            return code;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("cc-telemetry: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = ex.getCause();
            m = c != null && c.getMessage() != null ? c.getMessage() : ex.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    private static void configureLogging(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    }

    /** The host name for a new machine's default name. */
    static String hostName(Map<String, String> env) {
        String h = env.getOrDefault("HOSTNAME", env.get("COMPUTERNAME"));
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
