package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.port.out.PlanLimitSink.MachineReading;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPlanLimitTest {

    private static final MachineIdentity LAPTOP = new MachineIdentity("11111111-1111-1111-1111-111111111111",
            "laptop", "linux");
    private static final MachineIdentity DESKTOP = new MachineIdentity("22222222-2222-2222-2222-222222222222",
            "desktop", "macos");
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant RESET = Instant.parse("2026-12-07T15:00:00Z");

    @RegisterExtension
    final TestPostgres.PerTest db = new TestPostgres.PerTest();

    @Test
    void readingsOfEveryMachineArePushedOnceAndReadBackPerMachine() {
        List<PlanLimitReading> laptop = List.of(reading(40, 0), reading(42, 60));
        try (PostgresUsageSink sink = db.pg().sink()) {
            sink.pushReadings(LAPTOP, laptop);
            sink.pushReadings(LAPTOP, laptop); // a push repeated after a lost acknowledgement
            sink.pushReadings(DESKTOP, List.of(reading(7, 30)));

            List<MachineReading> all = sink.remoteReadings(Optional.empty(), Optional.empty());
            assertThat(all).extracting(r -> r.machineName() + " " + r.reading().usedPercentage())
                    .containsExactly("desktop 7.0", "laptop 40.0", "laptop 42.0");
            assertThat(all.get(1).reading()).isEqualTo(laptop.get(0));
            assertThat(sink.remoteReadings(Optional.empty(), Optional.of("laptop"))).hasSize(2);
            assertThat(sink.remoteReadings(Optional.empty(), Optional.of(DESKTOP.machineId()))).hasSize(1);
            assertThat(sink.remoteReadings(Optional.of(T0.plusSeconds(31)), Optional.empty())).hasSize(1);
        }
        assertThat(db.pg().rows("SELECT count(*) FROM plan_limit_readings")).containsExactly("3");
    }

    @Test
    void aStoreAtVersionOneIsUpgradedAndKeepsItsMachines() throws Exception {
        try (Connection c = db.pg().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + db.pg().schema);
            st.execute("SET search_path = " + db.pg().schema);
            for (String sql : PgSchema.MIGRATIONS.get(0)) {
                st.execute(sql);
            }
            st.execute("CREATE TABLE cct_schema (version integer NOT NULL)");
            st.execute("INSERT INTO cct_schema VALUES (1)");
            st.execute("INSERT INTO machines VALUES ('" + LAPTOP.machineId() + "', 'laptop', 'linux', now())");
        }
        try (PostgresUsageSink sink = db.pg().sink()) {
            assertThat(sink.open()).isEqualTo(1);
            sink.pushReadings(DESKTOP, List.of(reading(5, 0)));
        }
        assertThat(db.pg().rows("SELECT version FROM cct_schema")).containsExactly(String.valueOf(PgSchema.CURRENT));
        assertThat(db.pg().rows("SELECT name FROM machines ORDER BY name")).containsExactly("desktop", "laptop");
    }

    private static PlanLimitReading reading(double used, long seconds) {
        return new PlanLimitReading(new LimitLevel(LimitWindow.FIVE_HOUR, used, RESET), T0.plusSeconds(seconds), "s");
    }
}
