package dev.cctelemetry.web.api;

import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.web.query.UsageFigures;
import java.util.TreeSet;

/** Adds {@link UsageFigures} up (a period over its models, a table over its rows). */
final class Sums {

    private TokenCounts tokens = TokenCounts.ZERO;
    private double cost;
    private long requests;
    private final TreeSet<String> unpriced = new TreeSet<>();

    /** Adds {@code u}. */
    Sums add(UsageFigures u) {
        tokens = tokens.plus(u.tokens());
        cost += u.cost();
        requests += u.requests();
        unpriced.addAll(u.unpricedModels());
        return this;
    }

    /** The sum so far. */
    UsageFigures figures() {
        return new UsageFigures(tokens, cost, requests, unpriced.stream().toList());
    }
}
