package dev.cctelemetry.app.doctor;

/** How one doctor check came out. */
public enum CheckStatus {
    /** Works. */
    OK("✓"),
    /** Works partly, or an optional feature is not set up; does not fail doctor. */
    WARN("!"),
    /** Broken: usage is not flowing, or will be misattributed; doctor exits 3. */
    FAIL("✗");

    private final String symbol;

    CheckStatus(String symbol) {
        this.symbol = symbol;
    }

    /** The mark printed before the summary. */
    public String symbol() {
        return symbol;
    }

    /** The worse of the two. */
    public CheckStatus worst(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
