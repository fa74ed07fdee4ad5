package dev.cctelemetry.cli;

/** A failure with a one-line message for the user and the exit code it maps to. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A bad flag or argument value. */
    public static CliException usage(String message) {
        return new CliException(message, ExitCode.USAGE, null);
    }

    /** A failure of the command itself. */
    public static CliException failure(String message, Throwable cause) {
        return new CliException(message, ExitCode.FAILURE, cause);
    }

    /** The exit code to end the process with. */
    public int exitCode() {
        return exitCode;
    }
}
