package dev.cctelemetry.cli;

import java.io.PrintWriter;

/**
 * One line on stderr when the process is stopped (Ctrl-C, SIGTERM) while a sync runs: what was committed is kept
 * and the next sync resumes from it. Without it a first sync stopped part way showed only {@code ^C} (issue
 * 19.13). A shutdown hook for as long as the sync runs; the JVM's own exit status (130 after Ctrl-C) is kept.
 */
final class InterruptNotice implements AutoCloseable {

    static final String LINE = "cc-telemetry: interrupted; the records committed so far are kept and the next sync"
            + " resumes from there.";

    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /** Says {@link #LINE} on {@code err} if the process is stopped before {@link #close}. */
    static InterruptNotice during(PrintWriter err) {
        // On a terminal the line starts below the "^C" the terminal echoed (or the progress bar).
        String lead = System.console() != null ? System.lineSeparator() : "";
        Thread hook = new Thread(() -> {
            err.print(lead + LINE + System.lineSeparator());
            err.flush();
        }, "cct-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the line is said
        }
    }
}
