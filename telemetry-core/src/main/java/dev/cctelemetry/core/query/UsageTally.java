package dev.cctelemetry.core.query;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums requests, or rows already summed by a store, into a {@link UsageSummary}: one per group being built.
 * Costs add up in picodollars, so the order of {@link #add} calls never changes the result. Not thread-safe.
 */
public final class UsageTally {

    private long input;
    private long output;
    private long cacheWrite5m;
    private long cacheWrite1h;
    private long cacheRead;
    private long costPicos;
    private long requests;
    private final Map<String, Part> byModel = new HashMap<>();

    /**
     * Adds requests of one model and cost source.
     *
     * @param model the model label
     * @param source where their cost came from
     * @param tokens their tokens
     * @param picos their cost in picodollars
     * @param count how many requests
     */
    public void add(String model, CostSource source, TokenCounts tokens, long picos, long count) {
        addTokens(tokens);
        costPicos += picos;
        requests += count;
        Part p = byModel.computeIfAbsent(model, k -> new Part());
        p.tokens = p.tokens.plus(tokens);
        p.costPicos += picos;
        p.requests += count;
        p.sources.add(source);
    }

    /** Adds everything another summary counts (its session count aside: sessions do not add up). */
    public void add(UsageSummary other) {
        for (ModelBreakdown b : other.breakdowns()) {
            addTokens(b.tokens());
            costPicos += b.costPicos();
            requests += b.requests();
            Part p = byModel.computeIfAbsent(b.model(), k -> new Part());
            p.tokens = p.tokens.plus(b.tokens());
            p.costPicos += b.costPicos();
            p.requests += b.requests();
            p.sources.addAll(b.costSources());
        }
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return requests == 0;
    }

    /** The summary so far, with the given number of distinct sessions. */
    public UsageSummary summary(long sessions) {
        List<ModelBreakdown> breakdowns = new ArrayList<>(byModel.size());
        byModel.forEach((m, p) -> breakdowns.add(new ModelBreakdown(m, p.tokens, p.costPicos, p.requests,
                p.sources)));
        breakdowns.sort(Comparator.comparingLong(ModelBreakdown::costPicos).reversed()
                .thenComparing(ModelBreakdown::model));
        return new UsageSummary(new TokenCounts(input, output, cacheWrite5m, cacheWrite1h, cacheRead), costPicos,
                requests, sessions, breakdowns);
    }

    private void addTokens(TokenCounts t) {
        input += t.input();
        output += t.output();
        cacheWrite5m += t.cacheWrite5m();
        cacheWrite1h += t.cacheWrite1h();
        cacheRead += t.cacheRead();
    }

    private static final class Part {
        TokenCounts tokens = TokenCounts.ZERO;
        long costPicos;
        long requests;
        final EnumSet<CostSource> sources = EnumSet.noneOf(CostSource.class);
    }
}
