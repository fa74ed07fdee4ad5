package dev.cctelemetry.core.query;

/** What ran a machine's sync, or its push to the shared store. */
public enum SyncTrigger {
    /** A Claude Code hook (Stop or SessionEnd). */
    HOOK,
    /** A pass of the reconciliation daemon. */
    DAEMON,
    /** A command the user ran ({@code sync}, or a report that synced first). */
    MANUAL,
    /** The machine's push of its records to the shared store. */
    PUSH
}
