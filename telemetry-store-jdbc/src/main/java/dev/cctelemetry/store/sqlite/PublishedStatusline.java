package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.statusline.StatuslineSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The status line's figures as the last sync left the ledger ({@link StatuslineSnapshot}), next to it in
 * {@code telemetry.db-statusline}, so that a status line run (a JVM per Claude Code turn) answers without opening
 * SQLite. Kept exact like the published checkpoints ({@link LedgerSideFile}): written under the sync lock, deleted by
 * every commit before it writes, tied to the ledger file's identity and schema. Absent, torn or foreign reads as
 * absent; the status line then asks the ledger itself.
 */
public final class PublishedStatusline {

    private static final LedgerSideFile FILE = new LedgerSideFile("-statusline", 0x43435453); // "CCTS"
    private static final int FORMAT = 1;

    private PublishedStatusline() {
    }

    /** The snapshot published for {@code ledgerFile}, when one exists that still describes it. */
    public static Optional<StatuslineSnapshot> read(Path ledgerFile) {
        return FILE.read(ledgerFile, FORMAT).flatMap(StatuslineSnapshot::decode);
    }

    /**
     * Publishes {@code snapshot} for {@code ledgerFile}. The caller holds the sync lock (so no commit runs between the
     * queries it was made from and this write).
     */
    public static void write(Path ledgerFile, StatuslineSnapshot snapshot) throws IOException {
        FILE.write(ledgerFile, FORMAT, snapshot.encode());
    }

    /** Where the snapshot of {@code ledgerFile} lives. */
    public static Path fileFor(Path ledgerFile) {
        return FILE.fileFor(ledgerFile);
    }

    /** Deletes the snapshot: every commit does, before it writes. */
    static void forget(Path ledgerFile) throws IOException {
        FILE.forget(ledgerFile);
    }
}
