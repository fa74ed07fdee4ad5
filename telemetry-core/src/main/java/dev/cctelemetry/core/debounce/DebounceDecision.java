package dev.cctelemetry.core.debounce;

/** What the hook path does in response to one event. */
public enum DebounceDecision {
    /** Start a sync of the session now. */
    SYNC_NOW,
    /** Start nothing; remember that a sync is owed when the window closes. */
    MARK_PENDING,
    /** The window closed with a sync owed: start one trailing sync. */
    TRAILING_SYNC,
    /** Start nothing. */
    NOTHING
}
