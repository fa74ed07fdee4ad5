package dev.cctelemetry.cli.hook;

import ch.qos.logback.core.rolling.TriggeringPolicyBase;
import java.io.File;

/**
 * Rolls the log once it has reached a size, checked on every event. Logback's own
 * {@code SizeBasedTriggeringPolicy} looks at the file at most once a minute (an invocation gate), so a burst of
 * output in one process, or many short-lived processes, could grow a file far past its limit. A hook worker
 * writes a few lines per run, so one {@code stat} per line costs nothing.
 *
 * @param <E> the event type
 */
public final class SizeTrigger<E> extends TriggeringPolicyBase<E> {

    private final long maxBytes;

    /** A trigger at {@code maxBytes}. */
    public SizeTrigger(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean isTriggeringEvent(File activeFile, E event) {
        return activeFile.length() >= maxBytes;
    }
}
