package dev.cctelemetry.core.pricing;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices usage records. Per response and per kind of token, tokens past {@link ModelPrice#TIER_THRESHOLD} use
 * the long-context rate when the model has one (the rule Anthropic's price list and ccusage apply); fast mode
 * multiplies the whole cost. A legacy {@code costUSD} written on the line wins, as Claude Code computed it.
 */
public final class CostCalculator {

    private final PriceTable table;

    /** A calculator over one price table. */
    public CostCalculator(PriceTable table) {
        this.table = Objects.requireNonNull(table, "table is null");
    }

    /** The table in use. */
    public PriceTable table() {
        return table;
    }

    /** The record with its cost set: from the price table, or unpriced (0) when the model is unknown. */
    public UsageRecord price(UsageRecord r) {
        if (r.costSource() == CostSource.TRANSCRIPT) {
            return r;
        }
        if (r.synthetic()) {
            return r.withCost(0, CostSource.PRICE_TABLE);
        }
        Optional<ModelPrice> price = table.find(r.model());
        if (price.isEmpty()) {
            return r.withCost(0, CostSource.UNPRICED);
        }
        return r.withCost(cost(price.get(), r.tokens(), r.fast()), CostSource.PRICE_TABLE);
    }

    /** Whether the table knows the model. */
    public boolean isPriced(String model) {
        return UsageRecord.SYNTHETIC_MODEL.equals(model) || table.find(model).isPresent();
    }

    /** The cost of one response's tokens at a model's price. */
    public static double cost(ModelPrice p, TokenCounts t, boolean fast) {
        Rates b = p.base();
        Rates a = p.above200k().orElse(null);
        // NaN for "no long-context rate": a boxed Double per kind of token was most of what pricing allocated.
        double usd = tiered(t.input(), b.input(), a == null ? Double.NaN : a.input())
                + tiered(t.output(), b.output(), a == null ? Double.NaN : a.output())
                + tiered(t.cacheWrite5m(), b.cacheWrite5m(), a == null ? Double.NaN : a.cacheWrite5m())
                + tiered(t.cacheWrite1h(), b.cacheWrite1h(), a == null ? Double.NaN : a.cacheWrite1h())
                + tiered(t.cacheRead(), b.cacheRead(), a == null ? Double.NaN : a.cacheRead());
        return fast ? usd * p.fastMultiplier() : usd;
    }

    private static double tiered(long n, double base, double above) {
        if (n <= 0) {
            return 0;
        }
        if (!Double.isNaN(above) && n > ModelPrice.TIER_THRESHOLD) {
            return ModelPrice.TIER_THRESHOLD * base + (n - ModelPrice.TIER_THRESHOLD) * above;
        }
        return n * base;
    }
}
