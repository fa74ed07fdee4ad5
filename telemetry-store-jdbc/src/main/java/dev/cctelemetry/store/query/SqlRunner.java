package dev.cctelemetry.store.query;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs read-only work on a store's connection: opens (or borrows) it, runs, releases it, and turns an
 * {@link SQLException} into the store's one-line unchecked failure.
 */
@FunctionalInterface
public interface SqlRunner {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} and returns its result.
     *
     * @param what what is being read, for the failure message ("read usage by day")
     */
    <T> T read(String what, Work<T> work);
}
