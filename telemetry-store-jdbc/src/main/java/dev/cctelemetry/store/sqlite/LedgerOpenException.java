package dev.cctelemetry.store.sqlite;

/** The ledger file cannot be opened (not SQLite, unreadable, disk error); the message is one line for users. */
public final class LedgerOpenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    LedgerOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
