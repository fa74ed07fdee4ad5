package dev.cctelemetry.hooks.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@code hook-run} did; the CLI logs it and exits 0 whatever it says.
 *
 * @param status how it ended
 * @param sessionId the validated session id, or "" when none was accepted
 * @param detail one line for the log: why it was rejected or failed, or "" on success; never payload content
 * @param recordsAdded usage records new to the ledger
 * @param recordsUpdated stored records replaced by a more complete copy
 * @param elapsed time from start to end
 */
public record HookRunResult(Status status, String sessionId, String detail, long recordsAdded,
        long recordsUpdated, Duration elapsed) {

    public HookRunResult {
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(detail, "detail is null");
        Objects.requireNonNull(elapsed, "elapsed is null");
    }

    /** How a run ended. */
    public enum Status {
        /** The session's files were ingested. */
        SYNCED,
        /** There was no spool file: another worker took it, or the script never wrote it. Nothing recorded. */
        IGNORED,
        /** The payload or the command line was not acceptable; nothing was read. */
        REJECTED,
        /** The session has no transcript on this machine. */
        NO_TRANSCRIPT,
        /** Something failed (the ledger, the lock, an unexpected error). */
        FAILED
    }
}
