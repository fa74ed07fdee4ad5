package dev.cctelemetry.store.sqlite;

/** The ledger was written by a newer cc-telemetry; this one refuses to touch it rather than corrupt it. */
public final class LedgerVersionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    LedgerVersionException(int found, int supported) {
        super("ledger schema version " + found + " is newer than this cc-telemetry supports (" + supported
                + "); upgrade cc-telemetry");
    }
}
