package dev.cctelemetry.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The daemon's log: {@code <home>/logs/daemon.log}, rolled at 10 MB into {@code daemon.log.1} … {@code .5}. The
 * poller's INFO lines (one per pass) go there; everything else only from WARN up (DEBUG with {@code --verbose}).
 */
final class DaemonLogging implements AutoCloseable {

    /** Size at which the log rolls. */
    static final String MAX_SIZE = "10MB";
    /** Rolled files kept. */
    static final int BACKUPS = 5;

    private final RollingFileAppender<ILoggingEvent> appender;
    private final Logger poller;
    private final Level pollerLevel;

    private DaemonLogging(RollingFileAppender<ILoggingEvent> appender, Logger poller, Level pollerLevel) {
        this.appender = appender;
        this.poller = poller;
        this.pollerLevel = pollerLevel;
    }

    /** Starts logging to {@code file}; {@link #close()} detaches it again (tests run several daemons in one JVM). */
    static DaemonLogging start(Path file) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        RollingFileAppender<ILoggingEvent> app = new PrivateRollingFileAppender<>();
        app.setContext(ctx);
        app.setName("daemon-log");
        app.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(app);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(BACKUPS);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
        trigger.start();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n");
        enc.start();
        app.setEncoder(enc);
        app.setRollingPolicy(rolling);
        app.setTriggeringPolicy(trigger);
        app.start();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(app);
        Logger poller = ctx.getLogger("dev.cctelemetry.poller");
        Level before = poller.getLevel();
        if (!poller.isDebugEnabled()) {
            poller.setLevel(Level.INFO);
        }
        return new DaemonLogging(app, poller, before);
    }

    @Override
    public void close() {
        poller.setLevel(pollerLevel);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .detachAppender(appender);
        appender.stop();
    }
}
