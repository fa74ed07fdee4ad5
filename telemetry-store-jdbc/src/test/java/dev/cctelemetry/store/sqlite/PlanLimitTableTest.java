package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.PlanLimitLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLimitTableTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant RESET = Instant.parse("2026-12-07T15:00:00Z");
    private static final Instant WEEK = Instant.parse("2026-12-10T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void onlyChangesAreStoredWhateverOrderTheyArriveIn() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            PlanLimitLog log = ledger.planLimitLog();
            List<PlanLimitReading> first = log.recordChanges(List.of(
                    reading(LimitWindow.FIVE_HOUR, 40, RESET, 0), reading(LimitWindow.SEVEN_DAY, 17.3, WEEK, 0)));
            List<PlanLimitReading> repeat = log.recordChanges(List.of(
                    reading(LimitWindow.FIVE_HOUR, 40, RESET, 30), reading(LimitWindow.SEVEN_DAY, 17.3, WEEK, 30)));
            List<PlanLimitReading> change = log.recordChanges(List.of(
                    reading(LimitWindow.SEVEN_DAY, 17.3, WEEK, 90), reading(LimitWindow.FIVE_HOUR, 42, RESET, 60),
                    reading(LimitWindow.FIVE_HOUR, 42, RESET, 120)));

            assertThat(first).hasSize(2);
            assertThat(repeat).isEmpty();
            assertThat(change).containsExactly(reading(LimitWindow.FIVE_HOUR, 42, RESET, 60));
            assertThat(log.readings(Optional.empty())).extracting(PlanLimitReading::usedPercentage)
                    .containsExactly(40.0, 17.3, 42.0);
            assertThat(log.latest()).extracting(r -> r.window().key() + "=" + r.usedPercentage())
                    .containsExactly("five_hour=42.0", "seven_day=17.3");
            // a new reset time is a change even at the same share
            assertThat(log.recordChanges(List.of(reading(LimitWindow.FIVE_HOUR, 42, RESET.plusSeconds(3600), 200))))
                    .hasSize(1);
            assertThat(log.readings(Optional.of(T0.plusSeconds(60)))).hasSize(2);
        }
    }

    @Test
    void twoProcessesRecordingTheSameChangeAtOnceStoreItOnce() throws Exception {
        Path file = dir.resolve("t.db");
        SqliteLedger.open(file, "v").close();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> stored = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                int offset = w;
                stored.add(pool.submit(() -> {
                    try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
                        start.await();
                        // every writer saw the same levels, a few milliseconds apart
                        return ledger.planLimitLog().recordChanges(List.of(
                                reading(LimitWindow.FIVE_HOUR, 55, RESET, offset),
                                reading(LimitWindow.SEVEN_DAY, 20, WEEK, offset))).size();
                    }
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : stored) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.planLimitLog().readings(Optional.empty())).hasSize(2);
        }
    }

    @Test
    void theOutboxHandsOutReadingsInStorageOrderAndTheMarkBelongsToItsTarget() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            PlanLimitLog log = ledger.planLimitLog();
            for (int i = 0; i < 5; i++) {
                log.recordChanges(List.of(reading(LimitWindow.FIVE_HOUR, 10 + i, RESET, i)));
            }
            PlanLimitLog.PendingReadings first = log.pendingReadings(log.readingsPushedMark("pg://a"), 3);
            assertThat(first.readings()).extracting(PlanLimitReading::usedPercentage).containsExactly(10.0, 11.0, 12.0);
            log.markReadingsPushed("pg://a", first.lastId());

            PlanLimitLog.PendingReadings rest = log.pendingReadings(log.readingsPushedMark("pg://a"), 3);
            assertThat(rest.readings()).extracting(PlanLimitReading::usedPercentage).containsExactly(13.0, 14.0);
            log.markReadingsPushed("pg://a", rest.lastId());
            log.markReadingsPushed("pg://a", first.lastId()); // never moves back

            assertThat(log.pendingReadings(log.readingsPushedMark("pg://a"), 3).isEmpty()).isTrue();
            assertThat(log.readingsPushedMark("pg://b")).as("another store gets everything").isZero();
        }
    }

    @Test
    void readingsSurviveReopeningAndUsageCommitsLeaveThemAlone() {
        Path file = dir.resolve("t.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            ledger.planLimitLog().recordChanges(List.of(reading(LimitWindow.FIVE_HOUR, 40, RESET, 0)));
        }
        try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
            assertThat(ledger.planLimitLog().latest()).singleElement()
                    .satisfies(r -> assertThat(r.usedPercentage()).isEqualTo(40.0));
            assertThat(ledger.recordCount()).isZero();
        }
    }

    static PlanLimitReading reading(LimitWindow window, double used, Instant reset, long secondsAfterT0) {
        return new PlanLimitReading(new LimitLevel(window, used, reset), T0.plusSeconds(secondsAfterT0), "session-1");
    }
}
