package dev.cctelemetry.app;

/** A failure with a one-line message for the user and the exit code it maps to. */
public final class AppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private AppException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A bad flag or argument value. */
    public static AppException usage(String message) {
        return new AppException(message, ExitCode.USAGE, null);
    }

    /** A failure of the command itself. */
    public static AppException failure(String message, Throwable cause) {
        return new AppException(message, ExitCode.FAILURE, cause);
    }

    /** The exit code to end the process with. */
    public int exitCode() {
        return exitCode;
    }
}
