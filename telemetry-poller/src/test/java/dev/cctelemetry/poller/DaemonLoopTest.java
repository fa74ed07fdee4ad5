package dev.cctelemetry.poller;

import dev.cctelemetry.testing.FakeTime;
import dev.cctelemetry.core.port.out.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.sync.SyncSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class DaemonLoopTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private final FakeTime time = new FakeTime();
    /** Monotonic second at which each pass started. */
    private final List<Long> passStarts = new ArrayList<>();
    private final List<Integer> failuresSeen = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    private DaemonLoop loop(int passes, IntFunction<Boolean> okAt, Runnable beforeEachPass) {
        DaemonLoop[] self = new DaemonLoop[1];
        DaemonLoop.Pass pass = () -> {
            int n = passStarts.size();
            beforeEachPass.run();
            passStarts.add(time.monotonicSeconds());
            if (passStarts.size() >= passes) {
                self[0].stop();
            }
            SyncSummary s = new SyncSummary(3, 0, 0, 0, 0, 0, 0, Duration.ofMillis(200));
            return okAt.apply(n) ? PassOutcome.ok(time.instant(), 1, s, Duration.ofMillis(200))
                    : PassOutcome.failed(time.instant(), 1, Optional.empty(), "disk full", Duration.ofMillis(200));
        };
        self[0] = new DaemonLoop(pass, (o, failures, delay) -> {
            failuresSeen.add(failures);
            delays.add(delay);
        }, DaemonSchedule.every(HOUR), time, time, time);
        return self[0];
    }

    @Test
    void passesAtStartThenEveryInterval() {
        loop(3, n -> true, () -> { }).run();
        assertThat(passStarts).containsExactly(1L, 1L + 3600, 1L + 7200);
        assertThat(delays).containsOnly(HOUR);
        // The wait is cut into slices, so a stop request is noticed within one.
        assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void failuresBackOffExponentiallyCappedAtTheIntervalThenRecover() {
        loop(11, n -> n >= 9, () -> { }).run();
        assertThat(delays).extracting(Duration::getSeconds)
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L, 3600L);
        assertThat(failuresSeen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0);
        // Gaps between pass starts follow the delays.
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < passStarts.size(); i++) {
            gaps.add(passStarts.get(i) - passStarts.get(i - 1));
        }
        assertThat(gaps).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L);
    }

    @Test
    void backoffNeverExceedsAShortInterval() {
        DaemonSchedule s = DaemonSchedule.every(Duration.ofSeconds(2));
        assertThat(s.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.delayAfter(50)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DaemonSchedule.every(Duration.ofMinutes(15)).delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(DaemonSchedule.defaultInterval(true)).isEqualTo(HOUR);
        assertThat(DaemonSchedule.defaultInterval(false)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuspendedMachineGetsItsPassWithinASliceOfWaking() {
        // 600 s after the first pass the machine sleeps 3 h: the monotonic clock stands still, the wall clock runs.
        boolean[] suspended = {false};
        okLoop(2, d -> {
            if (!suspended[0] && time.monotonicSeconds() > 600) {
                suspended[0] = true;
                time.jumpWall(Duration.ofHours(3));
            }
            time.sleep(d);
        }).run();
        assertThat(passStarts.get(1) - passStarts.get(0)).isBetween(600L, 610L);
    }

    @Test
    void aWallClockSetBackNeitherDelaysNorSpins() {
        int[] sleepsAtJump = {-1};
        okLoop(3, d -> {
            if (sleepsAtJump[0] < 0 && time.monotonicSeconds() > 100) {
                sleepsAtJump[0] = time.sleeps().size();
                time.jumpWall(Duration.ofDays(-2));
            }
            time.sleep(d);
        }).run();
        assertThat(passStarts).containsExactly(1L, 3601L, 7201L);
        // An hour in 5 s slices is 720 sleeps per wait: no busy loop.
        assertThat(time.sleeps()).hasSize(1440);
    }

    @Test
    void aWallClockSetForwardCausesOneEarlyPassThenTheIntervalResumes() {
        boolean[] jumped = {false};
        okLoop(3, d -> {
            if (!jumped[0] && time.monotonicSeconds() > 100) {
                jumped[0] = true;
                time.jumpWall(Duration.ofDays(1));
            }
            time.sleep(d);
        }).run();
        assertThat(passStarts.get(1)).isBetween(100L, 110L);
        assertThat(passStarts.get(2) - passStarts.get(1)).isEqualTo(3600L);
    }

    @Test
    void stopDuringASleepEndsTheLoopAtOnce() throws Exception {
        DaemonLoop[] self = new DaemonLoop[1];
        int[] passes = {0};
        self[0] = new DaemonLoop(() -> {
            passes[0]++;
            return PassOutcome.ok(time.instant(), 1, new SyncSummary(0, 0, 0, 0, 0, 0, 0, Duration.ZERO),
                    Duration.ZERO);
        }, (o, f, d) -> { }, DaemonSchedule.every(HOUR), time, time, Sleeper.REAL);
        Thread t = new Thread(self[0]::run);
        t.start();
        while (passes[0] == 0) {
            Thread.onSpinWait();
        }
        self[0].stop();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(passes[0]).isEqualTo(1);
    }

    @Test
    void aStopDuringAPassEndsTheLoopWithoutRecordingAFailure() {
        List<PassOutcome> recorded = new ArrayList<>();
        DaemonLoop l = new DaemonLoop(() -> {
            throw new InterruptedException("stop");
        }, (o, f, d) -> recorded.add(o), DaemonSchedule.every(HOUR), time, time, time);
        assertThat(l.run()).isZero();
        assertThat(recorded).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    /** A loop whose passes succeed at once, stopping after {@code passes}, waiting with {@code sleeper}. */
    private DaemonLoop okLoop(int passes, Sleeper sleeper) {
        DaemonLoop[] self = new DaemonLoop[1];
        self[0] = new DaemonLoop(() -> {
            passStarts.add(time.monotonicSeconds());
            if (passStarts.size() == passes) {
                self[0].stop();
            }
            return PassOutcome.ok(time.instant(), 1, new SyncSummary(0, 0, 0, 0, 0, 0, 0, Duration.ZERO),
                    Duration.ZERO);
        }, (o, f, d) -> { }, DaemonSchedule.every(HOUR), time, time, sleeper);
        return self[0];
    }
}
