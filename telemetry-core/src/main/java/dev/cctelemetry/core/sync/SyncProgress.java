package dev.cctelemetry.core.sync;

/** Progress of a sync, for a progress bar. Called from the syncing thread only. */
public interface SyncProgress {

    /** No progress reporting. */
    SyncProgress NONE = new SyncProgress() {
        @Override
        public void started(long totalBytes) {
        }

        @Override
        public void advanced(long bytes) {
        }
    };

    /** The sync will read about {@code totalBytes}. */
    void started(long totalBytes);

    /**
     * The sync found more to read than it said at {@link #started}: a history of many thousand files is walked a
     * window at a time, so the total is known only as the walk goes on.
     *
     * @param moreBytes bytes added to the total
     */
    default void grew(long moreBytes) {
        // a caller without a total to show ignores it
    }

    /** {@code bytes} more were read. */
    void advanced(long bytes);
}
