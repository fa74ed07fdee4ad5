package dev.cctelemetry.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.debounce.DebounceDecision;
import dev.cctelemetry.core.debounce.DebounceTimeline;
import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the PowerShell script to core's {@code StopDebouncer}: PowerShell cannot run on the build machines, so the
 * rendered script's two decision functions are read and evaluated ({@link PowerShellDecisions}) along the same
 * timelines the POSIX script is run through, and must decide every event as the core machine does. The gate's
 * files are modelled as the script writes them: a window's deadline (now + window) when a Stop syncs, the pending
 * mark when one is collapsed, the mark removed by SessionEnd, the gate removed when its window closes.
 */
class ScriptMatchesCoreDebounceTest {

    private static final int W = 120;
    private static final String SCRIPT = new PowerShellHookScriptRenderer().render(HookEvent.STOP,
            new HookScriptSpec(Path.of("/java/bin/javaw.exe"), Path.of("/home/cc.jar"), Path.of("/home/cct"), W,
                    1024));
    private static final PowerShellDecisions STOP = PowerShellDecisions.function(SCRIPT, "Get-CctStopDecision");
    private static final PowerShellDecisions CLOSE = PowerShellDecisions.function(SCRIPT, "Get-CctCloseDecision");

    @ParameterizedTest
    @MethodSource("dev.cctelemetry.core.debounce.DebounceTimeline#cases")
    void scriptDecidesLikeCore(String timeline) {
        DebounceTimeline t = DebounceTimeline.parse(timeline);
        assertThat(decide(t)).as(timeline).isEqualTo(t.decide(W));
    }

    @Test
    void randomTimelinesDecideLikeCore() {
        Random rnd = new Random(20240917L);
        for (int i = 0; i < 500; i++) {
            DebounceTimeline t = DebounceTimeline.random(rnd, 10, W);
            assertThat(decide(t)).as(t.toString()).isEqualTo(t.decide(W));
        }
    }

    @Test
    void aGateWithoutADeadlineIsReplacedOnceItIsAWindowOld() {
        // Get-CctGateDeadline gives such a gate its last change + the window: a killed opener cannot hold Stops.
        assertThat(SCRIPT).contains("return $made + $CctWindow");
        Map<String, Object> args = new HashMap<>();
        args.put("Now", 1_000L + W);
        args.put("Deadline", 1_000L + W);
        assertThat(STOP.evaluate(args)).isEqualTo("sync-now");
    }

    private static List<DebounceDecision> decide(DebounceTimeline timeline) {
        Long deadline = null;
        boolean pending = false;
        List<DebounceDecision> out = new ArrayList<>();
        for (DebounceTimeline.Event e : timeline.events()) {
            long now = e.at();
            switch (e.kind()) {
                case STOP -> {
                    String d = STOP.evaluate(args(now, deadline, null));
                    if (d.equals("sync-now")) {
                        out.add(DebounceDecision.SYNC_NOW);
                        deadline = now + W;
                        pending = false;
                    } else {
                        assertThat(d).isEqualTo("mark-pending");
                        out.add(DebounceDecision.MARK_PENDING);
                        pending = true;
                    }
                }
                case SESSION_END -> {
                    out.add(DebounceDecision.SYNC_NOW);
                    pending = false;
                }
                case CLOSE -> {
                    if (CLOSE.evaluate(args(now, deadline, false)).equals("window-open")) {
                        out.add(DebounceDecision.NOTHING);
                        break;
                    }
                    String d = CLOSE.evaluate(args(now, deadline, pending));
                    out.add(d.equals("trailing-sync") ? DebounceDecision.TRAILING_SYNC : DebounceDecision.NOTHING);
                    assertThat(d).isIn("trailing-sync", "nothing");
                    deadline = null;
                    pending = false;
                }
            }
        }
        return out;
    }

    private static Map<String, Object> args(long now, Long deadline, Boolean pending) {
        Map<String, Object> a = new HashMap<>();
        a.put("Now", now);
        a.put("Deadline", deadline);
        if (pending != null) {
            a.put("Pending", pending);
        }
        return a;
    }
}
