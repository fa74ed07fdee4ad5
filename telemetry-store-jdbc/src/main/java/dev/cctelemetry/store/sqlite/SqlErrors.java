package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.error.ErrorLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** How the ledger's adapters report an SQLite failure: one line, in an unchecked I/O error. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** {@code cannot <what> in the ledger: <first line>}, what every ledger read or write throws. */
    static UncheckedIOException failure(String what, SQLException e) {
        return new UncheckedIOException("cannot " + what + " in the ledger: " + ErrorLine.of(e), new IOException(e));
    }
}
