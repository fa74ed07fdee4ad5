package dev.cctelemetry.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.util.Modules;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.sync.SyncLockGate;
import dev.cctelemetry.app.sync.Syncs;
import dev.cctelemetry.cli.hook.HookSyncLog;
import dev.cctelemetry.core.error.ErrorLine;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point: reads the environment once, wires the command ({@link DirectWiring}, else the one injector), runs
 * it, maps the exit code.
 */
public final class Main {

    private Main() {
    }

    /**
     * Guice's switch for generating bytecode for injection. Off (reflection instead) unless the user set it: the
     * generated classes cannot come from the class-data archive and cost about 15 ms per start, and nothing here
     * uses method interception, the one feature that needs them.
     */
    private static final String GUICE_BYTECODE_GEN = "guice_bytecode_gen_option";

    /**
     * Guice's switch for recording where each binding was declared (a stack walk per binding, shown only in
     * messages about a broken module, which tests catch). Off unless the user set it: 10 % less CPU for
     * {@code --version} (0.36 s vs 0.40 s, medians of 10 interleaved runs under a load of 19).
     */
    private static final String GUICE_STACK_TRACES = "guice_include_stack_traces";

    /** Runs cc-telemetry and exits with its code. */
    public static void main(String[] args) {
        if (System.getProperty(GUICE_BYTECODE_GEN) == null) {
            System.setProperty(GUICE_BYTECODE_GEN, "DISABLED");
        }
        if (System.getProperty(GUICE_STACK_TRACES) == null) {
            System.setProperty(GUICE_STACK_TRACES, "OFF");
        }
        TelemetryEnvironment env = new TelemetryEnvironment(System.getenv(), userHome(System.getenv()),
                Path.of("").toAbsolutePath());
        if (StatuslineCommand.isFast(args)) {
            StatuslineCommand.runFast(env, System.getenv(), System.in, System.out);
            System.out.flush();
            System.exit(ExitCode.OK);
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        boolean verbose = Arrays.asList(args).contains("--verbose");
        int code;
        try {
            Optional<Integer> quick = quickSync(args, env, out);
            if (quick.isPresent()) {
                out.flush();
                System.exit(quick.get());
            }
            if (RootCommand.isVersionOnly(args)) {
                // Nothing to build, read or log: the version is the jar's.
                out.println(new VersionProvider().getVersion()[0]);
                out.flush();
                System.exit(ExitCode.OK);
            }
            StartupWarmup warmup = StartupWarmup.startFor(args, env);
            code = run(args, env, Clock.systemUTC(), out, err, Platform.detect(System.getProperty("os.name", "")),
                    warmup, true);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(e, args, verbose, err);
        }
        out.flush();
        err.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * A sync with nothing new, answered before anything else starts ({@link QuickSync}); empty when the usual
     * path must run. Never fails a command: whatever goes wrong here, the usual path runs.
     */
    private static Optional<Integer> quickSync(String[] args, TelemetryEnvironment env, PrintWriter out) {
        try {
            return QuickSync.tryRun(args, env, Clock.systemUTC(), out);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs one command in this process, on the platform of this JVM; what tests call. */
    public static int run(String[] args, TelemetryEnvironment env, Clock clock, PrintWriter out, PrintWriter err) {
        return run(args, env, clock, out, err, Platform.detect(System.getProperty("os.name", "")));
    }

    /**
     * Runs one command in this process.
     *
     * @param platform which platform adapters to bind (chosen once, here in the composition root)
     * @param overrides modules whose bindings replace the defaults (tests: the running jar)
     */
    static int run(String[] args, TelemetryEnvironment env, Clock clock, PrintWriter out, PrintWriter err,
            Platform platform, Module... overrides) {
        return run(args, env, clock, out, err, platform, StartupWarmup.NONE, false, overrides);
    }

    /**
     * Runs one command.
     *
     * @param freshProcess this process runs this one command: logging is left as {@link ConsoleLogging} sets it
     *     when first used (a command that logs nothing never starts logback, a tenth of a short command's start),
     *     unless {@code --verbose} asks for more; in-process callers (tests) get it reset on every run
     */
    private static int run(String[] args, TelemetryEnvironment env, Clock clock, PrintWriter out, PrintWriter err,
            Platform platform, StartupWarmup warmup, boolean freshProcess, Module... overrides) {
        if (args.length > 0 && args[0].equals("hook-run")) {
            warmup.awaitLogging();
            return runHook(args, env, clock, platform, overrides);
        }
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // The wiring and the command line first, logging after: meanwhile the warm-up initializes logging.
        CommandLine cl = RootCommand.build(wiring(env, clock, platform, HookSyncLog.disabled(), args, overrides),
                args);
        warmup.awaitLogging();
        if (verbose || !freshProcess) {
            configureLogging(verbose);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ex instanceof AppException a ? a.exitCode() : ExitCode.FAILURE;
            commandLine.getErr().println("cc-telemetry: " + ErrorLine.of(ex));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            } else if (!(ex instanceof AppException)) {
                commandLine.getErr().println("(run with --verbose for details)");
            }
            return code;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("cc-telemetry: " + ex.getMessage());
            suggestion(ex).ifPresent(ex.getCommandLine().getErr()::println);
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCode.USAGE;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handler: said here in one line, as every other failure is.
            return outOfMemory(e, args, verbose, err);
        }
    }

    /**
     * "Did you mean ...?" for a mistyped command ({@code repot}, {@code snyc}) or option: the nearest names the
     * command line where it went wrong knows.
     */
    private static Optional<String> suggestion(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String typed = u.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> names = typed.startsWith("-")
                ? spec.options().stream().flatMap(o -> Arrays.stream(o.names())).toList()
                : List.copyOf(spec.subcommands().keySet());
        List<String> near = NearestWords.to(typed.startsWith("--") && typed.contains("=")
                ? typed.substring(0, typed.indexOf('=')) : typed, names);
        return near.isEmpty() ? Optional.empty()
                : Optional.of("Did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList())
                        + "?");
    }

    /**
     * The one line for a heap that ran out (a bigger history than the heap cap allows for, or a bug): never a raw
     * stack trace, and no hook path ever gets here ({@code hook-run} catches everything).
     */
    private static int outOfMemory(OutOfMemoryError e, String[] args, boolean verbose, PrintWriter err) {
        err.println("cc-telemetry: " + (args.length > 0 ? args[0] + ": " : "") + "out of memory (" + e.getMessage()
                + "); the heap is capped, CC_TELEMETRY_JAVA_OPTS=-Xmx512m raises it");
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return ExitCode.FAILURE;
    }

    /**
     * {@code hook-run}: logging goes to the hook log only, nothing reaches stdout or stderr, and the exit code is
     * 0 whatever happens (Claude Code reads exit 2 from a Stop hook as "keep going"; the worker runs detached,
     * but the rule holds everywhere).
     */
    private static int runHook(String[] args, TelemetryEnvironment env, Clock clock, Platform platform,
            Module... overrides) {
        HookSyncLog hookLog = null;
        try {
            hookLog = HookSyncLog.install(env.layout().hookSyncLog(), HookSyncLog.MAX_FILE_BYTES);
            HookSyncLog installed = hookLog;
            CommandLine.IFactory wiring = wiring(env, clock, platform, hookLog, args, overrides);
            CommandLine cl = RootCommand.build(wiring, args);
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            cl.setOut(none);
            cl.setErr(none);
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                LoggerFactory.getLogger(Main.class).error("hook-run failed: {}", ErrorLine.of(ex));
                return ExitCode.OK;
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                LoggerFactory.getLogger(Main.class).warn("hook-run: bad command line: {}", ErrorLine.of(ex));
                try {
                    installed.flushUnderLock(wiring.create(Syncs.class).machineLock(), HookRunCommand.FINAL_LOG_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LoggerFactory.getLogger(Main.class).warn("hook-run: {}", ErrorLine.of(e));
                }
                return ExitCode.OK;
            });
            cl.execute(args);
        } catch (Throwable t) { // nothing may escape to the terminal, not even an Error
            // The log may be what failed; there is nowhere else to say it.
        } finally {
            if (hookLog != null) {
                hookLog.stop();
            }
        }
        return ExitCode.OK;
    }

    /** The classes {@code overrides} bind (tests): a graph that holds one of them is left to Guice. */
    private static Set<Class<?>> overridden(Module... overrides) {
        if (overrides.length == 0) {
            return Set.of();
        }
        Set<Class<?>> bound = new HashSet<>();
        for (Element e : Elements.getElements(overrides)) {
            if (e instanceof Binding<?> b) {
                bound.add(b.getKey().getTypeLiteral().getRawType());
            }
        }
        return bound;
    }

    /**
     * What builds the commands of {@code args}: {@link DirectWiring} when it can build every one of them and no
     * override (tests) replaces a class they need (no Guice start), else the one injector of the application's
     * modules, the CLI's, and the overrides.
     */
    private static CommandLine.IFactory wiring(TelemetryEnvironment env, Clock clock, Platform platform,
            HookSyncLog hookLog, String[] args, Module... overrides) {
        SyncLockGate gate = hookLog.enabled() ? hookLog : SyncLockGate.NONE;
        ProcessContext context = new ProcessContext(env, clock, platform, Main.class, gate);
        List<Class<?>> commands = RootCommand.commandsFor(args);
        DirectWiring direct = DirectWiring.of(context, hookLog);
        if (direct.canBuildAll(CliModule.boundCommands(commands), overridden(overrides))) {
            return direct;
        }
        List<Module> modules = new ArrayList<>(TelemetryApp.modules(context));
        modules.add(new CliModule(hookLog, commands));
        return new GuiceFactory(Guice.createInjector(Stage.PRODUCTION,
                overrides.length == 0 ? modules : List.of(Modules.override(modules).with(overrides))));
    }

    /**
     * The user's home as Claude Code sees it: {@code $HOME} (Node's {@code os.homedir()} reads it) when set to an
     * absolute path, else {@code user.home} (which the JVM takes from the password database, ignoring
     * {@code HOME}). A hook worker started by Claude Code must look where Claude Code wrote.
     */
    static Path userHome(Map<String, String> environment) {
        String home = environment.get(Platform.detect(System.getProperty("os.name", "")) == Platform.WINDOWS
                ? "USERPROFILE" : "HOME");
        if (home != null && !home.isBlank()) {
            try {
                Path p = Path.of(home);
                if (p.isAbsolute()) {
                    return p;
                }
            } catch (InvalidPathException e) {
                // fall through to user.home
            }
        }
        return Path.of(System.getProperty("user.home"));
    }

    private static void configureLogging(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
        // The OpenTelemetry exporter logs each refused export as a warning of several lines; export --otlp says
        // what failed in its own one line, so those are shown with --verbose only.
        ((Logger) LoggerFactory.getLogger("io.opentelemetry")).setLevel(verbose ? Level.DEBUG : Level.OFF);
    }
}
