package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.usage.UsageRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * A record source over a list, honouring the timestamp filter as the ledger does (from inclusive, until exclusive)
 * and streaming in the order every source keeps.
 */
record ListRecordSource(List<UsageRecord> records) implements UsageRecordSource {

    ListRecordSource {
        records = records.stream().sorted(UsageRecordSource.ORDER).toList();
    }

    /** Queries over these records, as one test machine's. */
    static UsageQueries queries(List<UsageRecord> records) {
        return new RecordStreamQueries(new ListRecordSource(records), MACHINE_ID, "test-machine");
    }

    /** The machine the records belong to. */
    static final String MACHINE_ID = "00000000-0000-4000-8000-000000000001";

    @Override
    public void forEachRecord(Ledger.RecordFilter filter, Consumer<UsageRecord> action) {
        for (UsageRecord r : records) {
            boolean afterFrom = filter.from().map(f -> !r.timestamp().isBefore(f)).orElse(true);
            boolean beforeUntil = filter.until().map(u -> r.timestamp().isBefore(u)).orElse(true);
            if (afterFrom && beforeUntil) {
                action.accept(r);
            }
        }
    }
}
