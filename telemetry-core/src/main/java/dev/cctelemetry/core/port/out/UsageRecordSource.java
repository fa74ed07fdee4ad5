package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.usage.ReportedUsage;
import dev.cctelemetry.core.usage.UsageRecord;
import java.util.Comparator;
import java.util.function.Consumer;

/**
 * Where reports read deduplicated, priced usage records from: the ledger in production, a list in tests.
 * Holds at most one record per {@link dev.cctelemetry.core.usage.UsageKey}.
 */
@FunctionalInterface
public interface UsageRecordSource {

    /**
     * The order records are streamed in: by timestamp, then source file, then byte offset in it. Reports are
     * summed in this order (so their floating-point costs come out the same from every source) and built in one
     * pass over it, never holding the whole history in memory.
     */
    Comparator<UsageRecord> ORDER = Comparator.comparing(UsageRecord::timestamp)
            .thenComparing(UsageRecord::sourceFile).thenComparingLong(UsageRecord::sourceOffset);

    /**
     * Streams the records that match the filter to {@code action}, one call per record, in {@link #ORDER}. An
     * empty source simply never calls {@code action}.
     *
     * @param filter timestamp bounds (from inclusive, until exclusive)
     * @param action receives each matching record
     */
    void forEachRecord(Ledger.RecordFilter filter, Consumer<UsageRecord> action);

    /**
     * Streams what reports read of the records that match the filter, in {@link #ORDER}. By default taken from
     * {@link #forEachRecord}; a store overrides it to read only those columns.
     *
     * @param filter timestamp bounds (from inclusive, until exclusive)
     * @param action receives each matching record's reported part
     */
    default void forEachReported(Ledger.RecordFilter filter, Consumer<ReportedUsage> action) {
        forEachRecord(filter, r -> action.accept(ReportedUsage.of(r)));
    }
}
