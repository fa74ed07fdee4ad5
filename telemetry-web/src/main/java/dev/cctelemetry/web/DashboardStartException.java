package dev.cctelemetry.web;

/** The dashboard could not start listening; the message is one line a user can act on. */
public final class DashboardStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do
     * @param cause the server's own failure
     */
    public DashboardStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
