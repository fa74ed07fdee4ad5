package dev.cctelemetry.cli.hook;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.cctelemetry.app.sync.SyncLockGate;
import dev.cctelemetry.cli.PrivateRollingFileAppender;
import dev.cctelemetry.core.io.PrivateFiles;
import dev.cctelemetry.core.port.out.SyncLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The hook worker's log, {@code <home>/logs/hook-sync.log}: 10 MB per file, 5 backups ({@code hook-sync.1.log} …
 * {@code hook-sync.5.log}), never more.
 *
 * <p>Several worker processes may run at once, and Logback cannot roll one file safely from several processes
 * (its prudent mode refuses a fixed-window policy). So only the process holding the machine's sync lock writes
 * the file: until then, and again after it lets the lock go, events wait in memory, and {@link #flushUnderLock}
 * takes the lock once more at the end of the run to write what is left. The file is opened when the lock is taken
 * and closed before it is released, so a roll (a rename) never happens while another process has the file open.
 *
 * <p>Configured in code, replacing every appender of the root logger: a hook worker must never write to the
 * terminal. Only INFO and above are kept, and no caller logs payload or transcript content.
 */
public final class HookSyncLog implements SyncLockGate {

    /** Size at which the log rolls. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Rolled files kept. */
    public static final int BACKUPS = 5;
    /** Events held in memory while another process holds the lock; later ones are counted, not kept. */
    static final int MAX_BUFFERED = 1000;

    private final Optional<Gate> gate;

    private HookSyncLog(Optional<Gate> gate) {
        this.gate = gate;
    }

    /** A log that does nothing (for every command but {@code hook-run}). */
    public static HookSyncLog disabled() {
        return new HookSyncLog(Optional.empty());
    }

    /**
     * Routes all logging of this process to {@code file}, gated by the sync lock, and nowhere else.
     *
     * @param file the log file, e.g. {@code <home>/logs/hook-sync.log}
     * @param maxFileBytes roll size ({@link #MAX_FILE_BYTES} in production)
     */
    public static HookSyncLog install(Path file, long maxFileBytes) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.INFO);
        Gate g = new Gate(context, file.toAbsolutePath(), maxFileBytes);
        g.setContext(context);
        g.setName("hook-sync-gate");
        g.start();
        root.addAppender(g);
        return new HookSyncLog(Optional.of(g));
    }

    /** {@code lock}, with the log file opened right after every acquisition and closed right before every release. */
    @Override
    public SyncLock guard(SyncLock lock) {
        Objects.requireNonNull(lock, "lock is null");
        return new SyncLock() {
            @Override
            public Held acquire() throws InterruptedException {
                return opened(lock.acquire());
            }

            @Override
            public Optional<Held> tryAcquire(Duration wait) throws InterruptedException {
                return lock.tryAcquire(wait).map(this::opened);
            }

            private Held opened(Held held) {
                gate.ifPresent(Gate::open);
                return new Held() {
                    @Override
                    public boolean previousHolderDied() {
                        return held.previousHolderDied();
                    }

                    @Override
                    public void close() {
                        try {
                            gate.ifPresent(Gate::close);
                        } finally {
                            held.close();
                        }
                    }
                };
            }
        };
    }

    /**
     * Writes the events still waiting in memory: takes {@code lock} (waiting at most {@code wait}), writes, lets
     * it go. Called once at the end of a run; without the lock in time, the waiting events are dropped.
     */
    public void flushUnderLock(SyncLock lock, Duration wait) throws InterruptedException {
        if (gate.isEmpty() || !gate.get().hasPending()) {
            return;
        }
        Optional<SyncLock.Held> held = guard(lock).tryAcquire(wait);
        held.ifPresent(SyncLock.Held::close);
    }

    /** Whether this log writes anything (installed by {@code hook-run}). */
    public boolean enabled() {
        return gate.isPresent();
    }

    /** Stops the appenders; called when the process is about to exit. */
    public void stop() {
        gate.ifPresent(Gate::stop);
    }

    /** Buffers events while closed, forwards them to a rolling file while open. */
    static final class Gate extends AppenderBase<ILoggingEvent> {
        private final LoggerContext loggerContext;
        private final Path file;
        private final long maxFileBytes;
        private final List<ILoggingEvent> pending = new ArrayList<>();
        private int dropped;
        private RollingFileAppender<ILoggingEvent> target;

        Gate(LoggerContext loggerContext, Path file, long maxFileBytes) {
            this.loggerContext = loggerContext;
            this.file = file;
            this.maxFileBytes = maxFileBytes;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (target != null) {
                target.doAppend(event);
            } else if (pending.size() < MAX_BUFFERED) {
                event.prepareForDeferredProcessing();
                pending.add(event);
            } else {
                dropped++;
            }
        }

        synchronized boolean hasPending() {
            return !pending.isEmpty() || dropped > 0;
        }

        synchronized void open() {
            if (target != null) {
                return;
            }
            try {
                PrivateFiles.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                return; // nowhere to write; events stay in memory and die with the process
            }
            target = rollingAppender();
            for (ILoggingEvent e : pending) {
                target.doAppend(e);
            }
            pending.clear();
            if (dropped > 0) {
                addWarn(dropped + " hook log events dropped while waiting for the sync lock");
                dropped = 0;
            }
        }

        synchronized void close() {
            if (target != null) {
                target.stop();
                target = null;
            }
        }

        @Override
        public void stop() {
            close();
            super.stop();
        }

        private RollingFileAppender<ILoggingEvent> rollingAppender() {
            RollingFileAppender<ILoggingEvent> a = new PrivateRollingFileAppender<>();
            a.setContext(loggerContext);
            a.setName("hook-sync");
            a.setFile(file.toString());
            a.setAppend(true);
            String name = file.getFileName().toString();
            String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
            FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
            rolling.setContext(loggerContext);
            rolling.setParent(a);
            rolling.setFileNamePattern(file.resolveSibling(base + ".%i.log").toString());
            rolling.setMinIndex(1);
            rolling.setMaxIndex(BACKUPS);
            rolling.start();
            SizeTrigger<ILoggingEvent> trigger = new SizeTrigger<>(maxFileBytes);
            trigger.setContext(loggerContext);
            trigger.start();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(loggerContext);
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} pid=" + ProcessHandle.current().pid()
                    + " %-5level %logger{0} - %msg%n");
            encoder.start();
            a.setRollingPolicy(rolling);
            a.setTriggeringPolicy(trigger);
            a.setEncoder(encoder);
            a.start();
            return a;
        }
    }
}
