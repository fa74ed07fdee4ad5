package dev.cctelemetry.core.usage;

/** Where the cost of a usage record came from; tokens are the truth, cost is derived and can be redone. */
public enum CostSource {
    /** Computed from tokens with the shipped or user price table. */
    PRICE_TABLE,
    /** Claude Code's own per-model {@code costUSD} from the session's {@code cost-state} line, spread by tokens. */
    COST_STATE,
    /** Legacy {@code costUSD} written on the line itself by Claude Code before 1.0.9. */
    TRANSCRIPT,
    /** No price known: cost is 0 and the model is listed as unpriced in reports. */
    UNPRICED;

    /** {@link #code()}, worked out once: it is bound with every record written. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    /** The value stored in the ledger. */
    public String code() {
        return code;
    }

    /** Parses {@link #code()}. */
    public static CostSource ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
