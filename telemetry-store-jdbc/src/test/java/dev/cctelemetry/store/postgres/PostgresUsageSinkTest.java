package dev.cctelemetry.store.postgres;

import static dev.cctelemetry.store.postgres.Records.DESKTOP;
import static dev.cctelemetry.store.postgres.Records.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.RemoteUsageRow;
import dev.cctelemetry.core.port.out.SessionEnd;
import dev.cctelemetry.core.port.out.UsageSink.ReportFilter;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresUsageSinkTest {

    private static final String LAPTOP_FILE = "/home/u/.claude/projects/-home-u-proj/s.jsonl";
    private static final String DESKTOP_FILE = "/Users/u/.claude/projects/-Users-u-proj/s.jsonl";
    /** xmin shows whether a row was rewritten, even with identical values. */
    private static final String EVENTS = "SELECT xmin, * FROM usage_events ORDER BY message_id, request_id";
    private static final String SESSIONS = "SELECT xmin, * FROM sessions ORDER BY machine_id, session_id";

    private TestPostgres pg;
    private PostgresUsageSink sink;

    @BeforeEach
    void server() {
        pg = TestPostgres.schemaOrSkip();
        sink = pg.sink();
    }

    @AfterEach
    void dropSchema() {
        if (sink != null) {
            sink.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void pushingTheSameBatchTwiceLeavesEveryRowUntouched() {
        List<UsageRecord> batch = Records.fullRange(1, 50, LAPTOP_FILE);
        sink.push(LAPTOP, batch, List.of(new SessionEnd("s1", "clear")));
        List<String> events = pg.rows(EVENTS);
        List<String> sessions = pg.rows(SESSIONS);

        sink.push(LAPTOP, batch, List.of(new SessionEnd("s1", "clear")));

        assertThat(events).hasSize(50);
        assertThat(pg.rows(EVENTS)).isEqualTo(events);
        assertThat(pg.rows(SESSIONS)).isEqualTo(sessions);
        assertThat(pg.rows("SELECT machine_id, name, os FROM machines"))
                .containsExactly(LAPTOP.machineId() + " | laptop | linux");
    }

    @Test
    void twoMachinesPushingOverlappingRecordsStoreEachResponseOnce() {
        List<UsageRecord> laptop = Records.fullRange(1, 60, LAPTOP_FILE);
        List<UsageRecord> desktop = Records.fullRange(41, 100, DESKTOP_FILE);
        List<UsageRecord> shared = Records.fullRange(41, 60, LAPTOP_FILE);

        sink.push(LAPTOP, laptop);
        try (PostgresUsageSink other = pg.sink()) {
            other.push(DESKTOP, desktop);
        }

        assertThat(pg.number("SELECT count(*) FROM usage_events")).isEqualTo(100);
        assertThat(pg.number("SELECT sum(input + output + cache_write_5m + cache_write_1h + cache_read)"
                + " FROM usage_events"))
                .isEqualTo(Records.totalTokens(laptop) + Records.totalTokens(desktop) - Records.totalTokens(shared));
        // Identical copies tie until the path: "/Users/..." sorts before "/home/...", so the desktop owns them.
        assertThat(pg.number("SELECT count(*) FROM usage_events WHERE machine_id = '" + DESKTOP.machineId() + "'"))
                .isEqualTo(60);
        assertThat(pg.rows("SELECT machine_id, count(*) FROM sessions GROUP BY machine_id ORDER BY machine_id"))
                .containsExactly(LAPTOP.machineId() + " | 7", DESKTOP.machineId() + " | 7");
    }

    @Test
    void aFullerCopyPushedLaterReplacesThePlaceholderAndNotTheOtherWayRound() {
        sink.push(LAPTOP, List.of(Records.placeholder(5, LAPTOP_FILE)));
        assertThat(pg.rows("SELECT output, stop_reason_set FROM usage_events")).containsExactly("1 | f");

        sink.push(LAPTOP, List.of(Records.full(5, LAPTOP_FILE)));
        assertThat(pg.rows("SELECT output, stop_reason_set, speed FROM usage_events"))
                .containsExactly("205 | t | standard");

        sink.push(LAPTOP, List.of(Records.placeholder(5, LAPTOP_FILE)));
        assertThat(pg.rows("SELECT output, stop_reason_set, speed FROM usage_events"))
                .containsExactly("205 | t | standard");
    }

    @Test
    void severalCopiesOfOneKeyInOneBatchKeepTheWinner() {
        sink.push(LAPTOP, List.of(Records.placeholder(3, LAPTOP_FILE), Records.full(3, LAPTOP_FILE),
                Records.placeholder(3, DESKTOP_FILE)));

        assertThat(pg.rows("SELECT output, source_file FROM usage_events"))
                .containsExactly("203 | " + LAPTOP_FILE);
    }

    @Test
    void recordsReadBackEqualWhatWasPushedWhateverCharactersTheyHold() {
        UsageRecord awkward = new UsageRecord(new UsageKey("msg_\"quoted\", comma", ""), "sess\\1",
                "-home-u-p\u00e9", "/home/u/with \"quotes\",\ncomma and newline\r\tand \\N backslash \u65e5\u672c",
                Instant.parse("2026-01-02T03:04:05.678Z"), "<synthetic>", TokenCounts.ZERO, "", "", "", true,
                "agent,1", false, "", "C:\\Users\\u\\.claude\\x.jsonl", 0, 0.0, CostSource.UNPRICED);
        UsageRecord plain = Records.full(8, LAPTOP_FILE).withCost(1.0 / 3.0, CostSource.COST_STATE);
        sink.push(LAPTOP, List.of(awkward, plain));

        List<RemoteUsageRow> rows = new ArrayList<>();
        sink.reportRecords(ReportFilter.ALL, rows::add);

        assertThat(rows).extracting(RemoteUsageRow::record).containsExactly(awkward, plain);
        assertThat(rows).extracting(RemoteUsageRow::machineName).containsOnly("laptop");
        assertThat(pg.number("SELECT count(*) FROM usage_events WHERE request_id = ''")).isEqualTo(1);
    }

    @Test
    void reportFiltersByTimeAndMachineIdOrName() {
        sink.push(LAPTOP, Records.fullRange(1, 10, LAPTOP_FILE));
        sink.push(DESKTOP, Records.fullRange(11, 20, DESKTOP_FILE));
        Instant from = Records.full(5, LAPTOP_FILE).timestamp();
        Instant until = Records.full(15, LAPTOP_FILE).timestamp();

        List<String> window = new ArrayList<>();
        sink.reportRecords(new ReportFilter(Optional.of(from), Optional.of(until), Optional.empty()),
                r -> window.add(r.record().key().messageId()));
        List<String> byName = new ArrayList<>();
        sink.reportRecords(new ReportFilter(Optional.empty(), Optional.empty(), Optional.of("desktop")),
                r -> byName.add(r.machineId()));
        List<String> byId = new ArrayList<>();
        sink.reportRecords(new ReportFilter(Optional.empty(), Optional.empty(), Optional.of(LAPTOP.machineId())),
                r -> byId.add(r.machineName()));

        assertThat(window).containsExactly("msg_5", "msg_6", "msg_7", "msg_8", "msg_9", "msg_10", "msg_11",
                "msg_12", "msg_13", "msg_14");
        assertThat(byName).hasSize(10).containsOnly(DESKTOP.machineId());
        assertThat(byId).hasSize(10).containsOnly("laptop");
    }

    @Test
    void sessionsWidenTheirActivityWindowAndKeepTheEndReason() {
        sink.push(LAPTOP, Records.fullRange(12, 15, LAPTOP_FILE));
        sink.push(LAPTOP, Records.fullRange(10, 11, LAPTOP_FILE), List.of(new SessionEnd("s1", "prompt_input_exit")));
        sink.push(LAPTOP, Records.fullRange(16, 19, LAPTOP_FILE));

        assertThat(pg.rows("SELECT session_id, project_dir, cwd, first_activity = timestamptz '"
                + Records.full(10, LAPTOP_FILE).timestamp() + "', last_activity = timestamptz '"
                + Records.full(19, LAPTOP_FILE).timestamp() + "', end_reason FROM sessions"))
                .containsExactly("s1 | -home-u-proj | /home/u/proj | t | t | prompt_input_exit");
    }

    @Test
    void anEmptyPushStillRecordsTheMachine() {
        sink.push(DESKTOP, List.of());

        assertThat(pg.rows("SELECT name, os FROM machines")).containsExactly("desktop | macos");
        assertThat(pg.number("SELECT count(*) FROM usage_events")).isZero();
    }

    @Test
    void describeNamesTheStoreWithoutCredentials() {
        assertThat(sink.describe()).contains("127.0.0.1").contains(pg.schema).doesNotContain(TestPostgres.PASSWORD);
    }
}
