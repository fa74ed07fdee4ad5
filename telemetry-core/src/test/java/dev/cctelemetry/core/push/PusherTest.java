package dev.cctelemetry.core.push;

import dev.cctelemetry.core.adapter.file.JsonPushStatusStore;
import dev.cctelemetry.testing.FakeTime;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.RemoteUsageRow;
import dev.cctelemetry.core.port.out.SessionEnd;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.InMemoryLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PusherTest {

    private static final MachineIdentity MACHINE =
            new MachineIdentity("6f1c2b9e-1111-4a4a-8b8b-000000000001", "laptop", "linux");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final FakeSink sink = new FakeSink();
    private final FakeTime clock = new FakeTime(T0);

    private Pusher pusher(int batch) {
        return new Pusher(ledger, sink, MACHINE, new FileSyncLock(dir.resolve("push.lock")),
                new JsonPushStatusStore(dir.resolve("push-status.json")), Backoff.DEFAULT, clock, batch);
    }

    @Test
    void pushesEverythingInBatchesThenNothingOnRepeat() throws Exception {
        commit(record(1, 100), record(2, 100));
        commit(record(3, 100));
        commit(record(4, 100), record(5, 100));

        PushResult first = pusher(2).push(PushMode.MANUAL);
        PushResult second = pusher(2).push(PushMode.MANUAL);

        assertThat(first.outcome()).isEqualTo(PushResult.Outcome.PUSHED);
        assertThat(first.pushed()).isEqualTo(5);
        assertThat(sink.stored.keySet()).hasSize(5);
        assertThat(sink.batches).hasSizeGreaterThan(1);
        assertThat(second.pushed()).isZero();
        assertThat(ledger.countPendingForPush(ledger.pushedMark(sink.describe()))).isZero();
    }

    @Test
    void aRecordReplacedAfterItWasPushedIsPushedAgain() throws Exception {
        commit(record(1, 100));
        pusher(10).push(PushMode.MANUAL);
        commit(record(1, 900));

        PushResult again = pusher(10).push(PushMode.MANUAL);

        assertThat(again.pushed()).isEqualTo(1);
        assertThat(sink.stored.get(new UsageKey("msg_1", "req_1")).tokens().output()).isEqualTo(900);
    }

    @Test
    void failureKeepsTheMarkAndBacksOffAutomaticPushesOnly() throws Exception {
        commit(record(1, 100));
        commit(record(2, 100));
        sink.failAfterBatches = 1;

        PushResult failed = pusher(1).push(PushMode.MANUAL);

        assertThat(failed.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(failed.pushed()).isEqualTo(1);
        assertThat(failed.pendingLeft()).isEqualTo(1);
        assertThat(failed.error()).contains("PostgreSQL at db:5432: unreachable (Connection refused)");
        assertThat(failed.retryAfter()).contains(T0.plusSeconds(30));
        assertThat(new JsonPushStatusStore(dir.resolve("push-status.json")).load().consecutiveFailures())
                .isEqualTo(1);

        sink.failAfterBatches = Integer.MAX_VALUE;
        clock.advance(Duration.ofSeconds(10));
        PushResult skipped = pusher(1).push(PushMode.AUTOMATIC);
        assertThat(skipped.outcome()).isEqualTo(PushResult.Outcome.BACKING_OFF);
        assertThat(skipped.pendingLeft()).isEqualTo(1);
        assertThat(sink.stored).hasSize(1);

        clock.advance(Duration.ofSeconds(21));
        PushResult resumed = pusher(1).push(PushMode.AUTOMATIC);
        assertThat(resumed.outcome()).isEqualTo(PushResult.Outcome.PUSHED);
        assertThat(resumed.pushed()).isEqualTo(1);
        assertThat(sink.stored).hasSize(2);
        assertThat(new JsonPushStatusStore(dir.resolve("push-status.json")).load())
                .satisfies(s -> {
                    assertThat(s.consecutiveFailures()).isZero();
                    assertThat(s.notBefore()).isEmpty();
                    assertThat(s.lastSuccess()).contains(T0.plusSeconds(31));
                });
    }

    @Test
    void manualPushIgnoresTheBackoff() throws Exception {
        commit(record(1, 100));
        sink.failAfterBatches = 0;
        pusher(10).push(PushMode.AUTOMATIC);
        sink.failAfterBatches = Integer.MAX_VALUE;

        assertThat(pusher(10).push(PushMode.AUTOMATIC).outcome()).isEqualTo(PushResult.Outcome.BACKING_OFF);
        assertThat(pusher(10).push(PushMode.MANUAL).pushed()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(Backoff.DEFAULT.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.DEFAULT.delay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.DEFAULT.delay(50)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anotherPusherHoldingTheLockMakesThisOneBusy() throws Exception {
        commit(record(1, 100));
        SyncLock lock = new FileSyncLock(dir.resolve("push.lock"));
        try (SyncLock.Held held = lock.acquire()) {
            PushResult busy = pusher(10).push(PushMode.AUTOMATIC);
            assertThat(busy.outcome()).isEqualTo(PushResult.Outcome.BUSY);
            assertThat(busy.failed()).isTrue();
        }
        assertThat(sink.stored).isEmpty();
    }

    @Test
    void aNewStoreGetsTheWholeHistory() throws Exception {
        commit(record(1, 100), record(2, 100));
        pusher(10).push(PushMode.MANUAL);
        sink.name = "postgresql://other:5432/db";

        assertThat(pusher(10).push(PushMode.MANUAL).pushed()).isEqualTo(2);
    }

    private void commit(UsageRecord... records) {
        ledger.commit(new Ledger.IngestBatch(List.of(records), List.of(), List.of()));
    }

    private static UsageRecord record(int n, long output) {
        return new UsageRecord(new UsageKey("msg_" + n, "req_" + n), "s1", "-p", "/p", T0.plusSeconds(n),
                "claude-sonnet-4-5-20250929", new TokenCounts(10, output, 0, 0, 0), "standard", "standard", "2.0.31",
                false, "", true, "/home/u/.claude", "/f.jsonl", n * 100L, 0.01, CostSource.PRICE_TABLE);
    }

    /** A store in memory that can fail after some batches, as a dropped connection would. */
    private static final class FakeSink implements UsageSink {
        final Map<UsageKey, UsageRecord> stored = new HashMap<>();
        final List<Integer> batches = new ArrayList<>();
        int failAfterBatches = Integer.MAX_VALUE;
        String name = "postgresql://db:5432/cct";

        @Override
        public void push(MachineIdentity machine, List<UsageRecord> records, List<SessionEnd> sessionEnds) {
            if (batches.size() >= failAfterBatches) {
                throw new RemoteStoreException(RemoteStoreException.Reason.UNREACHABLE,
                        "PostgreSQL at db:5432: unreachable (Connection refused)", null);
            }
            batches.add(records.size());
            records.forEach(r -> stored.put(r.key(), r));
        }

        @Override
        public void reportRecords(ReportFilter filter, Consumer<RemoteUsageRow> consumer) {
            stored.values().forEach(r -> consumer.accept(new RemoteUsageRow(MACHINE.machineId(), "laptop", r)));
        }

        @Override
        public List<dev.cctelemetry.core.port.out.RemoteMachine> machines() {
            return List.of();
        }

        @Override
        public dev.cctelemetry.core.port.out.UsageQueries queries() {
            return new dev.cctelemetry.core.report.RecordStreamQueries(
                    new dev.cctelemetry.core.report.RemoteRecordSource(this, java.util.Optional.empty()), "", "");
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void close() {
            // nothing open
        }
    }


}
