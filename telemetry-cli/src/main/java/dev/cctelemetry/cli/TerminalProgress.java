package dev.cctelemetry.cli;

import dev.cctelemetry.core.sync.SyncProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on stderr for a long sync, only when a person is watching a terminal. */
final class TerminalProgress implements SyncProgress, AutoCloseable {

    /** Show a bar only for syncs long enough to be worth it. */
    private static final long MIN_BYTES = 50L * 1024 * 1024;
    private final boolean enabled;
    private ProgressBar bar;

    private TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A bar unless the output is JSON or no terminal is attached. */
    static TerminalProgress forTerminal(boolean json) {
        return new TerminalProgress(!json && System.console() != null);
    }

    @Override
    public void started(long totalBytes) {
        if (enabled && totalBytes >= MIN_BYTES) {
            bar = new ProgressBarBuilder().setTaskName("Syncing").setInitialMax(totalBytes / (1024 * 1024))
                    .setUnit(" MB", 1).build();
        }
    }

    @Override
    public void advanced(long bytes) {
        if (bar != null) {
            bar.stepTo(Math.min(bar.getMax(), bar.getCurrent() + bytes / (1024 * 1024)));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
