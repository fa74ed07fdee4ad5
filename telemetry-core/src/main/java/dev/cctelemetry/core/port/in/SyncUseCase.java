package dev.cctelemetry.core.port.in;

import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import java.io.IOException;

/**
 * Ingests Claude Code transcripts into the ledger: reads only bytes appended since the last sync, one usage
 * record per API response. Used by {@code sync}, the hook worker and the daemon alike.
 */
public interface SyncUseCase {

    /**
     * Runs one sync, holding the machine's sync lock for its duration.
     *
     * @throws IOException when the ledger cannot be written (transcript read errors are skipped and counted)
     * @throws InterruptedException when interrupted while waiting for the lock
     */
    SyncSummary sync(SyncRequest request, SyncProgress progress) throws IOException, InterruptedException;
}
