package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.usage.UsageRecord;
import java.util.function.Consumer;

/**
 * Where reports read deduplicated, priced usage records from: the ledger in production, a list in tests.
 * Holds at most one record per {@link dev.cctelemetry.core.usage.UsageKey}.
 */
@FunctionalInterface
public interface UsageRecordSource {

    /**
     * Streams the records that match the filter to {@code action}, one call per record. Order is not
     * guaranteed (callers that need chronological order sort); an empty source simply never calls
     * {@code action}.
     *
     * @param filter timestamp bounds (from inclusive, until exclusive)
     * @param action receives each matching record
     */
    void forEachRecord(Ledger.RecordFilter filter, Consumer<UsageRecord> action);
}
