package dev.cctelemetry.store.sqlite;

import java.nio.file.Path;

/**
 * A process for {@link LedgerPrivacyTest}'s trace: opens a new ledger (schema, WAL) with the driver's native
 * library in the home, as a first sync does, and keeps it open while a second connection reads, so the -wal
 * and -shm files exist.
 */
public final class LedgerOpener {

    private LedgerOpener() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        SqliteNativeLibrary.useFolder(home.resolve("lib").resolve("native"));
        try (SqliteLedger ledger = SqliteLedger.open(home.resolve("telemetry.db"), "test");
                SqliteLedger reader = SqliteLedger.open(home.resolve("telemetry.db"), "test")) {
            reader.recordCount();
            ledger.recordCount();
        }
    }
}
