package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.port.out.AlertLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTablesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration AGE = Duration.ofHours(24);

    @TempDir
    Path dir;

    @Test
    void manyProcessesRaisingOneThresholdAtOnceRaiseItOnceAndOneTakesEachAttempt() throws Exception {
        Path file = dir.resolve("t.db");
        SqliteLedger.open(file, "v").close();
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                results.add(pool.submit(() -> {
                    try (SqliteLedger ledger = SqliteLedger.open(file, "v")) {
                        AlertLog log = ledger.alertLog();
                        start.await();
                        int raised = log.raise(List.of(alert("b|1|80", 80)), List.of("webhook", "desktop"), Set.of())
                                .size();
                        int claimed = log.claimDelivery("b|1|80", "webhook", NOW, RETRY) ? 1 : 0;
                        return new int[] {raised, claimed};
                    }
                }));
            }
            start.countDown();
            int raised = 0;
            int claimed = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(2, TimeUnit.MINUTES);
                raised += r[0];
                claimed += r[1];
            }
            assertThat(raised).isEqualTo(1);
            assertThat(claimed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRetryableDeliveryIsPendingAgainAfterTheDelayAndUntilItIsTooOld() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            AlertLog log = ledger.alertLog();
            log.raise(List.of(alert("k", 50)), List.of("webhook", "desktop"), Set.of());
            assertThat(log.pending(NOW, RETRY, AGE, 30)).hasSize(2);

            assertThat(log.claimDelivery("k", "webhook", NOW, RETRY)).isTrue();
            log.recordAttempt("k", "webhook", false, Optional.of("connection refused\nstack"), true);
            assertThat(log.claimDelivery("k", "desktop", NOW, RETRY)).isTrue();
            log.recordAttempt("k", "desktop", false, Optional.of("no notify-send"), false);

            assertThat(log.pending(NOW.plusSeconds(30), RETRY, AGE, 30)).isEmpty();
            assertThat(log.claimDelivery("k", "webhook", NOW.plusSeconds(30), RETRY)).isFalse();
            assertThat(log.pending(NOW.plus(RETRY), RETRY, AGE, 30)).singleElement()
                    .satisfies(d -> {
                        assertThat(d.channel()).isEqualTo("webhook");
                        assertThat(d.attempts()).isEqualTo(1);
                    });
            assertThat(log.pending(NOW.plus(RETRY), RETRY, AGE, 1)).as("attempts used up").isEmpty();
            assertThat(log.pending(NOW.plus(AGE).plusSeconds(1), RETRY, AGE, 30)).as("too old").isEmpty();
            assertThat(log.lastRaised().orElseThrow().deliveries()).containsExactly(
                    "desktop: failed (no notify-send)", "webhook: pending, 1 failed attempt (connection refused)");

            assertThat(log.claimDelivery("k", "webhook", NOW.plus(RETRY), RETRY)).isTrue();
            log.recordAttempt("k", "webhook", true, Optional.empty(), true);
            assertThat(log.pending(NOW.plus(AGE), RETRY, AGE, 30)).isEmpty();
            assertThat(log.lastRaised().orElseThrow().deliveries()).contains("webhook: delivered");
        }
    }

    @Test
    void skippedDeliveriesAreNeverSentAndTheLastAlertIsTheNewest() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("t.db"), "v")) {
            AlertLog log = ledger.alertLog();
            assertThat(log.lastRaised()).isEmpty();
            log.raise(List.of(alert("b|50", 50), alert("b|80", 80)), List.of("webhook"), Set.of("b|50"));

            assertThat(log.pending(NOW, RETRY, AGE, 30)).extracting(d -> d.alert().key()).containsExactly("b|80");
            assertThat(log.lastRaised().orElseThrow().alert().key()).isEqualTo("b|80");
            assertThat(log.raise(List.of(alert("b|80", 80)), List.of("webhook"), Set.of())).isEmpty();
            assertThat(log.lastRaised().orElseThrow().deliveries()).containsExactly("webhook: pending");
        }
    }

    private static Alert alert(String key, int threshold) {
        return new Alert(key, "b", threshold, "Budget " + threshold + " % used", "$x spent", NOW);
    }
}
