package dev.cctelemetry.app.dashboard;

import dev.cctelemetry.core.port.out.UsageQueries;
import java.util.function.Function;

/**
 * Runs one question against a store's queries: opens what the question needs and closes it after, so a
 * long-running dashboard holds no connection (nor any lock) between requests.
 */
@FunctionalInterface
interface QueryScope {

    /** The answer {@code question} gives over the store's queries. */
    <T> T ask(Function<UsageQueries, T> question);
}
