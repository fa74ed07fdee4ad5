package dev.cctelemetry.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import dev.cctelemetry.cli.hook.SizeTrigger;
import java.nio.file.Path;

/**
 * A process for {@link PrivateLogFilesTest}'s trace: writes a log through {@link PrivateRollingFileAppender} into
 * folders that do not exist yet, small enough a size that it rolls over several times.
 */
public final class RollingLogWriter {

    private RollingLogWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        LoggerContext ctx = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        PrivateRollingFileAppender<ILoggingEvent> app = new PrivateRollingFileAppender<>();
        app.setContext(ctx);
        app.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(app);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeTrigger<ILoggingEvent> trigger = new SizeTrigger<>(1_000);
        trigger.setContext(ctx);
        trigger.start();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%msg%n");
        enc.start();
        app.setEncoder(enc);
        app.setRollingPolicy(rolling);
        app.setTriggeringPolicy(trigger);
        app.start();
        ch.qos.logback.classic.Logger logger = ctx.getLogger("test");
        logger.setAdditive(false);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(app);
        for (int i = 0; i < 60; i++) {
            logger.info("session 11111111-1111-4111-8111-111111111111 synced, line {}{}", i, " ".repeat(40));
        }
        app.stop();
        if (ctx.getStatusManager().getCopyOfStatusList().stream().anyMatch(st -> st.getLevel() >= 2)) {
            ctx.getStatusManager().getCopyOfStatusList().forEach(System.out::println);
            System.exit(1);
        }
    }
}
