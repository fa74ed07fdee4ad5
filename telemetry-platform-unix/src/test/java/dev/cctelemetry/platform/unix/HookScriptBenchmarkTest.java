package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.HookEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints (never asserts) how long the sh hook script takes to return, measured from process start to exit in
 * the test JVM, over 200 runs with the stub worker. Run with
 * {@code ./mvnw -B -o test -pl telemetry-platform-unix -am -Dtest=HookScriptBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcct.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "cct.benchmark", matches = "true")
class HookScriptBenchmarkTest {

    private static final int RUNS = 200;

    @TempDir
    Path tmp;

    @Test
    void hookScriptReturnTime() throws Exception {
        HookScriptHarness h = new HookScriptHarness(tmp, 120);
        long[] syncNow = new long[RUNS];
        long[] pending = new long[RUNS];
        long[] sessionEnd = new long[RUNS];
        String same = HookScriptHarness.payload(HookScriptHarness.SESSION);
        h.run(HookEvent.STOP, same, 0L);
        for (int i = 0; i < RUNS; i++) {
            // A fresh session each time: opens a gate and starts a worker.
            syncNow[i] = h.run(HookEvent.STOP, HookScriptHarness.payload(UUID.randomUUID().toString()), 1L).nanos();
            // The same session inside its window: pending marker only.
            pending[i] = h.run(HookEvent.STOP, same, 2L).nanos();
            sessionEnd[i] = h.run(HookEvent.SESSION_END, same, 3L).nanos();
        }
        h.awaitJavaCalls(1 + 2 * RUNS, java.time.Duration.ofSeconds(30));
        print("Stop, first of window (SYNC_NOW)", syncNow);
        print("Stop, inside window (MARK_PENDING)", pending);
        print("SessionEnd (SYNC_NOW)", sessionEnd);
        assertThat(syncNow).hasSize(RUNS);
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double median = s[s.length / 2] / 1e6;
        double p99 = s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6;
        // Benchmarks print figures instead of asserting them (see BRIEF).
        System.out.printf(Locale.ROOT, "BENCHMARK %-36s n=%d median=%.1f ms p99=%.1f ms max=%.1f ms%n",
                what, s.length, median, p99, s[s.length - 1] / 1e6);
    }
}
