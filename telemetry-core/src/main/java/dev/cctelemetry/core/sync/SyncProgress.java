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

    /** {@code bytes} more were read. */
    void advanced(long bytes);
}
