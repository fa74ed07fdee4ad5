package dev.cctelemetry.core.pricing;

import java.util.Objects;
import java.util.Optional;

/**
 * The price of one model.
 *
 * @param model canonical model id
 * @param base rates for the first {@link #TIER_THRESHOLD} tokens of each kind in one response
 * @param above200k rates for tokens past the threshold, when the model has a long-context tier
 * @param fastMultiplier factor applied to the whole cost when a response was served in fast mode
 * @param source where the price comes from (documentation, peer table), kept for provenance
 */
public record ModelPrice(String model, Rates base, Optional<Rates> above200k, double fastMultiplier, String source) {

    /** Tokens of one kind in one response priced at the base rate before the long-context tier applies. */
    public static final long TIER_THRESHOLD = 200_000;

    public ModelPrice {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(base, "base is null");
        Objects.requireNonNull(above200k, "above200k is null");
        Objects.requireNonNull(source, "source is null");
        if (fastMultiplier <= 0) {
            throw new IllegalArgumentException("fastMultiplier must be positive: " + model);
        }
    }
}
