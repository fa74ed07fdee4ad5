package dev.cctelemetry.core.port.out;

import java.util.Objects;

/**
 * The remote store could not be used. The message is one line that names the {@link Reason} and where the
 * store is (host and port), never a password; callers may print or log it as it is.
 */
public class RemoteStoreException extends RuntimeException {

    /** Why the store could not be used; decides whether retrying later can help. */
    public enum Reason {
        /** No connection: refused, unknown host, no route. Retry later. */
        UNREACHABLE(true),
        /** Wrong user or password, or the user may not connect. Retrying will not help. */
        AUTHENTICATION(false),
        /** TLS failed: the server does not offer it, or its certificate is not trusted for the host. */
        TLS(false),
        /** Connecting or a statement took too long. Retry later. */
        TIMEOUT(true),
        /** The connection broke during the work; nothing was committed. Retry later. */
        CONNECTION_LOST(true),
        /** The schema is newer than this version understands, or the user may not change it. */
        SCHEMA(false),
        /** The settings are invalid (bad URL, unknown option). */
        CONFIGURATION(false),
        /** Any other error the server reported. */
        SERVER(true);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same push may succeed later without the user changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;

    /**
     * @param reason why the store could not be used
     * @param message one line, free of secrets
     * @param cause the underlying error, already free of secrets, or null
     */
    public RemoteStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason is null");
    }

    /** Why the store could not be used. */
    public Reason reason() {
        return reason;
    }
}
