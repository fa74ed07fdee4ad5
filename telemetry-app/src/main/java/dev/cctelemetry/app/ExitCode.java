package dev.cctelemetry.app;

/** The process exit codes, the same for every command. Hook paths always exit {@link #OK}. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The command failed (unreadable ledger, unreachable store …). */
    public static final int FAILURE = 1;
    /** Bad flags or arguments. */
    public static final int USAGE = 2;
    /** {@code doctor} found a problem. */
    public static final int PROBLEM = 3;
    /** {@code check}: a budget or a plan limit is used up. */
    public static final int EXCEEDED = 4;

    private ExitCode() {
    }
}
