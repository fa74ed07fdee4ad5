package dev.cctelemetry.core.report;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.UsageQueriesContract;
import java.util.List;

/** The reference implementation keeps the port's contract. */
class RecordStreamQueriesTest extends UsageQueriesContract {

    @Override
    protected UsageQueries queriesOver(List<UsageRecord> records) {
        return new RecordStreamQueries(new ListRecordSource(records), MACHINE_ID, MACHINE_NAME);
    }
}
