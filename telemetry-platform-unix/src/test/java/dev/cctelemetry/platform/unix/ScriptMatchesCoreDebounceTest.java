package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.debounce.DebounceDecision;
import dev.cctelemetry.core.debounce.DebounceTimeline;
import dev.cctelemetry.core.port.out.HookEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives the same timelines through core's {@code StopDebouncer} and through the sh script (clock from CCT_NOW,
 * window close through the trailer's entry point) and requires the same decision for every event.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ScriptMatchesCoreDebounceTest {

    private static final int W = 120;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.cctelemetry.core.debounce.DebounceTimeline#cases")
    void scriptDecidesLikeCore(String timeline) throws Exception {
        DebounceTimeline t = DebounceTimeline.parse(timeline);
        assertThat(runThroughScript(t, tmp.resolve("run"))).as(timeline).isEqualTo(t.decide(W));
    }

    @Test
    void randomTimelinesDecideLikeCore() throws Exception {
        Random rnd = new Random(20240917L);
        for (int i = 0; i < 12; i++) {
            DebounceTimeline t = DebounceTimeline.random(rnd, 8, W);
            assertThat(runThroughScript(t, tmp.resolve("random-" + i))).as(t.toString()).isEqualTo(t.decide(W));
        }
    }

    private static List<DebounceDecision> runThroughScript(DebounceTimeline timeline, Path dir) throws Exception {
        HookScriptHarness h = new HookScriptHarness(Files.createDirectories(dir), W);
        String session = HookScriptHarness.SESSION;
        List<DebounceDecision> out = new ArrayList<>();
        int expectedCalls = 0;
        for (DebounceTimeline.Event e : timeline.events()) {
            // Let the detached workers started so far write their call first, so each is attributed right.
            h.awaitJavaCalls(expectedCalls, Duration.ofSeconds(10));
            List<Path> spoolBefore = h.spoolFiles();
            int callsBefore = h.javaCalls().size();
            DebounceDecision d = switch (e.kind()) {
                case STOP -> {
                    assertThat(h.run(HookEvent.STOP, HookScriptHarness.payload(session), e.at()).exitCode()).isZero();
                    // A started worker owns its spool file; a collapsed Stop leaves a pending marker instead.
                    if (!h.newSpoolFiles(spoolBefore).isEmpty()) {
                        yield DebounceDecision.SYNC_NOW;
                    }
                    assertThat(h.gate(session).resolve("pending")).exists();
                    yield DebounceDecision.MARK_PENDING;
                }
                case SESSION_END -> {
                    assertThat(h.run(HookEvent.SESSION_END, HookScriptHarness.payload(session), e.at()).exitCode())
                            .isZero();
                    yield h.newSpoolFiles(spoolBefore).isEmpty() ? DebounceDecision.NOTHING
                            : DebounceDecision.SYNC_NOW;
                }
                case CLOSE -> {
                    assertThat(h.close(session, e.at()).exitCode()).isZero();
                    // The trailer exec's its worker in the foreground (it is already detached).
                    yield h.javaCalls().size() > callsBefore ? DebounceDecision.TRAILING_SYNC
                            : DebounceDecision.NOTHING;
                }
            };
            out.add(d);
            if (d != DebounceDecision.MARK_PENDING && d != DebounceDecision.NOTHING) {
                expectedCalls++;
            }
        }
        // Every SYNC_NOW really started a worker, and nothing else did.
        List<String> calls = h.awaitJavaCalls(expectedCalls, Duration.ofSeconds(10));
        assertThat(calls).hasSize(expectedCalls);
        try (Stream<Path> s = Files.list(h.spoolDir())) {
            assertThat(s.count()).isEqualTo(calls.stream().filter(c -> c.contains("--spool")).count());
        }
        return out;
    }
}
