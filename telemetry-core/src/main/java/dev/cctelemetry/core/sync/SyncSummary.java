package dev.cctelemetry.core.sync;

import java.time.Duration;

/**
 * What a sync did, for the summary line and {@code --json}.
 *
 * @param filesScanned transcripts found
 * @param filesRead transcripts that had new bytes
 * @param bytesRead bytes read
 * @param newRecords records with a new key
 * @param updatedRecords stored records replaced by a more complete copy
 * @param sessionsTouched distinct sessions among the records read
 * @param skippedLines lines that looked like usage but could not be read, plus oversized lines
 * @param elapsed wall time
 * @param resumedAfterInterruption the previous ingest died before finishing (killed, crashed, power lost); this
 *     one resumed from the checkpoints that previous one had committed
 */
public record SyncSummary(int filesScanned, int filesRead, long bytesRead, long newRecords, long updatedRecords,
        int sessionsTouched, long skippedLines, Duration elapsed, boolean resumedAfterInterruption) {

    /** A summary of a sync that did not follow an interrupted one. */
    public SyncSummary(int filesScanned, int filesRead, long bytesRead, long newRecords, long updatedRecords,
            int sessionsTouched, long skippedLines, Duration elapsed) {
        this(filesScanned, filesRead, bytesRead, newRecords, updatedRecords, sessionsTouched, skippedLines, elapsed,
                false);
    }
}
