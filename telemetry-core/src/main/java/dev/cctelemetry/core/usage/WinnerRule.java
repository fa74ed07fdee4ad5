package dev.cctelemetry.core.usage;

import java.util.Comparator;

/**
 * Which of two copies of the same API response the ledger keeps, whole (never a column-wise max, which would
 * build a row that never existed). In order: the larger token total (a streaming line with the final
 * {@code output_tokens} beats the placeholder); then the non-sidechain copy (a {@code /btw} replay must not
 * move a response into another session); then the copy with {@code speed} set; then the one with
 * {@code stop_reason} set; then the earliest (file path, byte offset), so the choice never depends on the order
 * in which files were read. The SQL upserts in the store adapters implement the same order.
 */
public final class WinnerRule {

    /** Orders copies so that the preferred one compares greatest. */
    public static final Comparator<UsageRecord> PREFERENCE = Comparator
            .comparingLong((UsageRecord r) -> r.tokens().total())
            .thenComparing(r -> !r.sidechain())
            .thenComparing(r -> !r.speed().isEmpty())
            .thenComparing(UsageRecord::stopReasonSet)
            .thenComparing(UsageRecord::sourceFile, Comparator.reverseOrder())
            .thenComparing(UsageRecord::sourceOffset, Comparator.reverseOrder());

    private WinnerRule() {
    }

    /** The copy to keep of two records with the same key. */
    public static UsageRecord winner(UsageRecord current, UsageRecord candidate) {
        return PREFERENCE.compare(candidate, current) > 0 ? candidate : current;
    }
}
