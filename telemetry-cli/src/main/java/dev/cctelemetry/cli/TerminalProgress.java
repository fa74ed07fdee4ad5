package dev.cctelemetry.cli;

import dev.cctelemetry.core.sync.SyncProgress;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on stderr for a long sync, only when a person is watching a terminal. */
final class TerminalProgress implements SyncProgress, AutoCloseable {

    /** Show a bar only for syncs long enough to be worth it. */
    private static final long MIN_BYTES = 50L * 1024 * 1024;
    private final boolean enabled;
    private final Optional<ProgressBarConsumer> to;
    private ProgressBar bar;

    /**
     * A bar.
     *
     * @param enabled whether to show one at all
     * @param to what draws it; empty for the library's console (stderr, as wide as the terminal)
     */
    TerminalProgress(boolean enabled, Optional<ProgressBarConsumer> to) {
        this.enabled = enabled;
        this.to = to;
    }

    /** A bar unless the output is JSON or no terminal is attached. */
    static TerminalProgress forTerminal(boolean json) {
        return new TerminalProgress(!json && System.console() != null, Optional.empty());
    }

    @Override
    public void started(long totalBytes) {
        if (enabled && totalBytes >= MIN_BYTES) {
            // Cleared when done: the summary lines say what the sync did, and a bar frozen at its last redraw
            // ("Syncing 31% ...") above them read as a sync that stopped part way (issue 19.13).
            ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("Syncing")
                    .setInitialMax(totalBytes / (1024 * 1024)).setUnit(" MB", 1).clearDisplayOnFinish();
            to.ifPresent(b::setConsumer);
            bar = b.build();
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
