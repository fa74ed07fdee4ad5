package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.GroupDimension;
import dev.cctelemetry.core.query.SessionQuery;
import dev.cctelemetry.core.query.SessionUsage;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.core.query.UsageFilter;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.UsageQueriesContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared store's SQL queries keep the port's contract on the real PostgreSQL (each history in a schema of
 * its own, dropped afterwards), and tell machines apart.
 */
class PostgresUsageQueriesTest extends UsageQueriesContract {

    private static final MachineIdentity LAPTOP = new MachineIdentity(MACHINE_ID, MACHINE_NAME, "linux");
    private static final MachineIdentity DESKTOP = new MachineIdentity("22222222-0000-4000-8000-000000000000",
            "desktop", "windows");

    private final List<TestPostgres> schemas = new ArrayList<>();
    private final List<PostgresUsageSink> sinks = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        sinks.forEach(PostgresUsageSink::close);
        schemas.forEach(TestPostgres::close);
    }

    @Override
    protected UsageQueries queriesOver(List<UsageRecord> records) {
        PostgresUsageSink sink = newSink();
        sink.push(LAPTOP, records, List.of());
        return sink.queries();
    }

    private PostgresUsageSink newSink() {
        TestPostgres pg = TestPostgres.schemaOrSkip();
        schemas.add(pg);
        PostgresUsageSink sink = pg.sink();
        sinks.add(sink);
        sink.open();
        return sink;
    }

    @Test
    void machinesAreToldApartByIdAndName() {
        PostgresUsageSink sink = newSink();
        sink.push(LAPTOP, List.of(at("2025-08-01T10:00:00Z").cost(1).build()), List.of());
        sink.push(DESKTOP, List.of(at("2025-08-01T11:00:00Z").session("99999999-9999-4999-8999-000000000009")
                .cost(2).build(), at("2025-08-01T12:00:00Z").session("99999999-9999-4999-8999-000000000009")
                .cost(4).build()), List.of());
        UsageQueries q = sink.queries();

        assertThat(q.groups(UsageFilter.ALL, GroupDimension.MACHINE)).extracting(g -> g.key(), g -> g.label(),
                g -> g.usage().requests()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DESKTOP.machineId(), "desktop", 2L),
                        org.assertj.core.groups.Tuple.tuple(MACHINE_ID, MACHINE_NAME, 1L));
        assertThat(q.totals(UsageFilter.ALL.withMachines(Set.of("desktop"))).requests()).isEqualTo(2);
        assertThat(q.totals(UsageFilter.ALL.withMachines(Set.of(MACHINE_ID))).requests()).isEqualTo(1);
        assertThat(q.sessions(UsageFilter.ALL, SessionQuery.ALL).sessions()).extracting(SessionUsage::machineName)
                .containsExactly(MACHINE_NAME, "desktop");
        assertThat(q.lastSyncs()).extracting(SyncMark::machineName, SyncMark::trigger).containsExactly(
                org.assertj.core.groups.Tuple.tuple("desktop", SyncTrigger.PUSH),
                org.assertj.core.groups.Tuple.tuple(MACHINE_NAME, SyncTrigger.PUSH));
        long before = q.changeCount();
        sink.push(LAPTOP, List.of(at("2025-08-02T10:00:00Z").build()), List.of());
        assertThat(q.changeCount()).isNotEqualTo(before);
    }
}
