package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.UsageRecordSource;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.usage.UsageRecord;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The remote store's records as a {@link UsageRecordSource}, so that {@link ReportService} runs the same reports
 * over every machine's usage as over the local ledger. Records arrive deduplicated by the store's key.
 *
 * @param sink the remote store
 * @param machine only this machine's records (by id or name), or every machine's when empty
 */
public record RemoteRecordSource(UsageSink sink, Optional<String> machine) implements UsageRecordSource {

    public RemoteRecordSource {
        Objects.requireNonNull(sink, "sink is null");
        Objects.requireNonNull(machine, "machine is null");
    }

    @Override
    public void forEachRecord(Ledger.RecordFilter filter, Consumer<UsageRecord> action) {
        sink.reportRecords(new UsageSink.ReportFilter(filter.from(), filter.until(), machine),
                row -> action.accept(row.record()));
    }
}
