package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.config.HostName;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.core.json.JsonTreeReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What a command that opens the ledger will need and the main thread does not need first, started on a second
 * core at once: the command's annotations, logback's configuration, a first run's machine id and host name, the
 * SQLite driver and its native library, Jackson's tree reading, time-zone and number-formatting data.
 * Meanwhile the main thread builds the injector and the command line; when it gets there, these are loaded and
 * initialized (class initialization is thread-safe, and the native library is set up under a lock). Only loading
 * and initializing: nothing here opens the ledger or writes a record, so a warm-up that is still running when the
 * process ends, or that fails, changes nothing.
 *
 * <p>Logging comes first, and the main thread waits for it ({@link #awaitLogging}) before touching logback's
 * own classes: while SLF4J initializes on one thread it hands the others stand-in loggers.
 */
final class StartupWarmup {

    /** No warm-up: for commands run in-process (tests) and commands that do not open the ledger. */
    static final StartupWarmup NONE = new StartupWarmup(null);

    /** How long the main thread waits for logging before going on without the warm-up's help. */
    private static final long LOGGING_WAIT_SECONDS = 10;

    /** Commands that open the ledger (the others gain nothing and would pay for the thread). */
    private static final Set<String> LEDGER_COMMANDS = Set.of("sync", "report", "export", "push", "status",
            "hook-run", "daemon", "repair");

    /** Counted down once logging is initialized; null for {@link #NONE}. */
    private final CountDownLatch logging;

    private StartupWarmup(CountDownLatch logging) {
        this.logging = logging;
    }

    /** Starts the warm-up when the command line names a command that opens the ledger, else {@link #NONE}. */
    static StartupWarmup startFor(String[] args, TelemetryEnvironment env) {
        if (args.length == 0 || !LEDGER_COMMANDS.contains(args[0])) {
            return NONE;
        }
        StartupWarmup warmup = new StartupWarmup(new CountDownLatch(1));
        String command = args[0];
        Thread t = new Thread(() -> warmup.warm(env, command), "cct-warmup");
        t.setDaemon(true);
        t.start();
        return warmup;
    }

    /** Returns once logging is initialized (at once for {@link #NONE}); logback's classes are safe to use then. */
    void awaitLogging() {
        if (logging == null) {
            return;
        }
        try {
            logging.await(LOGGING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warm(TelemetryEnvironment env, String command) {
        try {
            annotations(command);
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                logging.countDown();
            }
            if (!Files.exists(env.layout().config())) {
                // A first run creates the config: a random machine id (SecureRandom's seeding) and the host name
                // (a name lookup, which the JDK then keeps for a while).
                UUID.randomUUID();
                HostName.of(env.env());
            }
            Ledgers.preloadDriver(env.layout());
            JsonTreeReader.read("{\"a\":[1,\"b\",true,null,1.5]}");
            TimeZone.getDefault();
            String.format(Locale.ROOT, "%,d %.2f", 1, 1.0);
        } catch (RuntimeException | LinkageError | IOException e) {
            // a warm-up only: the command does the same work again and reports what fails
        }
    }

    /**
     * Reads the annotations of the command's class, its mixins' and the root command's: the command-line
     * framework reads them next, and the JDK keeps what it parsed (and the annotation types' proxy classes).
     */
    private static void annotations(String command) {
        List<Class<?>> classes = new ArrayList<>(List.of(RootCommand.class));
        for (Class<?> c : RootCommand.SUBCOMMANDS) {
            CommandLine.Command spec = c.getAnnotation(CommandLine.Command.class);
            if (spec != null && spec.name().equals(command)) {
                classes.add(c);
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            Class<?> c = classes.get(i);
            c.getAnnotations();
            for (Field f : c.getDeclaredFields()) {
                if (f.getAnnotations().length > 0 && f.isAnnotationPresent(CommandLine.Mixin.class)) {
                    classes.add(f.getType());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                m.getAnnotations();
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                k.getAnnotations();
            }
        }
    }
}
