package dev.cctelemetry.app.query;

/** Whose usage a question is about. */
public enum DataScope {
    /** This machine's records, from the local ledger. */
    THIS_MACHINE,
    /** Every machine's records, from the shared store (needs one configured). */
    ALL_MACHINES
}
