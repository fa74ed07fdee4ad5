package dev.cctelemetry.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration for every command: WARN and up (DEBUG with {@code --verbose}, set by {@link Main}) to
 * stderr, one line each, so nothing ever mixes into a command's stdout or its {@code --json}. Found by logback
 * through {@code META-INF/services}, which also spares each start logback's search for configuration files and
 * its pattern compiler. The daemon and the hook worker add their own file appenders on top.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** Logback's service loader needs a public no-argument constructor. */
    public ConsoleLogging() {
        // nothing to set up before configure
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        OneLineLayout layout = new OneLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        // The OpenTelemetry exporter logs each refused export as a warning of several lines; export --otlp says
        // what failed in its own one line (Main shows them with --verbose).
        context.getLogger("io.opentelemetry").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code cc-telemetry: WARN SyncService - message}, then the stack trace when there is one. */
    static final class OneLineLayout extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            String logger = event.getLoggerName();
            StringBuilder line = new StringBuilder(96).append("cc-telemetry: ").append(event.getLevel())
                    .append(' ').append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(" - ")
                    .append(event.getFormattedMessage()).append(System.lineSeparator());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
            }
            return line.toString();
        }
    }
}
