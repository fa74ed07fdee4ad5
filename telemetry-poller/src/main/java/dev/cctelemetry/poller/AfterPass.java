package dev.cctelemetry.poller;

import dev.cctelemetry.core.sync.SyncSummary;

/**
 * Work done after each successful ingest pass, such as pushing pending records to a remote store. A failure
 * counts as a failed pass, so it is retried with the same backoff as a failed ingest.
 */
@FunctionalInterface
public interface AfterPass {

    /** Nothing after the pass. */
    AfterPass NONE = summary -> { };

    /**
     * Runs after the ingest of one pass committed.
     *
     * @param summary what the ingest did
     * @throws Exception any failure; the daemon logs it, records it and backs off
     */
    void afterPass(SyncSummary summary) throws Exception;
}
