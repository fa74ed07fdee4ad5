package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSchemaTest {

    private static final String TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = current_schema() ORDER BY table_name";

    @RegisterExtension
    final TestPostgres.PerTest db = new TestPostgres.PerTest();

    @Test
    void firstConnectCreatesTheSchemaAndASecondOneChangesNothing() {
        try (PostgresUsageSink first = db.pg().sink()) {
            assertThat(first.open()).isZero();
        }
        List<String> tables = db.pg().rows(TABLES);
        List<String> columns = db.pg().rows("SELECT table_name, column_name, data_type, is_nullable"
                + " FROM information_schema.columns WHERE table_schema = current_schema()"
                + " ORDER BY table_name, ordinal_position");

        try (PostgresUsageSink second = db.pg().sink()) {
            assertThat(second.open()).isEqualTo(PostgresUsageSink.schemaVersion());
        }

        assertThat(tables).containsExactly("cct_schema", "machines", "plan_limit_readings", "sessions", "usage_events",
                "usage_hours", "usage_sessions");
        assertThat(db.pg().rows(TABLES)).isEqualTo(tables);
        assertThat(db.pg().rows("SELECT table_name, column_name, data_type, is_nullable"
                + " FROM information_schema.columns WHERE table_schema = current_schema()"
                + " ORDER BY table_name, ordinal_position")).isEqualTo(columns);
        assertThat(db.pg().rows("SELECT version FROM cct_schema"))
                .containsExactly(String.valueOf(PostgresUsageSink.schemaVersion()));
    }

    @Test
    void fiveMachinesConnectingForTheFirstTimeAtOnceMigrateOnce() throws Exception {
        int machines = 5;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(machines);
        try {
            List<Future<Integer>> found = new ArrayList<>();
            for (int i = 0; i < machines; i++) {
                found.add(pool.submit(() -> {
                    go.await();
                    try (PostgresUsageSink sink = db.pg().sink()) {
                        return sink.open();
                    }
                }));
            }
            go.countDown();
            List<Integer> versionsBefore = new ArrayList<>();
            for (Future<Integer> f : found) {
                versionsBefore.add(f.get(60, TimeUnit.SECONDS));
            }

            // Exactly one connection found an empty database; the others waited and found it migrated.
            assertThat(versionsBefore).containsOnlyOnce(0)
                    .filteredOn(v -> v != 0).hasSize(machines - 1)
                    .containsOnly(PostgresUsageSink.schemaVersion());
            assertThat(db.pg().rows("SELECT version FROM cct_schema"))
                    .containsExactly(String.valueOf(PostgresUsageSink.schemaVersion()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSchemaNewerThanThisVersionIsRefusedWithAClearMessage() {
        try (PostgresUsageSink first = db.pg().sink()) {
            first.open();
        }
        db.pg().rows("UPDATE cct_schema SET version = 99 RETURNING version");

        try (PostgresUsageSink sink = db.pg().sink()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(sink::open)
                    .isInstanceOf(dev.cctelemetry.core.port.out.RemoteStoreException.class)
                    .hasMessageContaining("schema version 99")
                    .hasMessageContaining("upgrade");
        }
    }
}
