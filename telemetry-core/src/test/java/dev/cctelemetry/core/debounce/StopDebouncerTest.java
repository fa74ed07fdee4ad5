package dev.cctelemetry.core.debounce;

import static dev.cctelemetry.core.debounce.DebounceDecision.MARK_PENDING;
import static dev.cctelemetry.core.debounce.DebounceDecision.NOTHING;
import static dev.cctelemetry.core.debounce.DebounceDecision.SYNC_NOW;
import static dev.cctelemetry.core.debounce.DebounceDecision.TRAILING_SYNC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StopDebouncerTest {

    private static final int W = 120;

    @Test
    void burstOfStopsSyncsOnceThenTrailsOnce() {
        assertThat(DebounceTimeline.parse("stop@0 stop@10 stop@50 close@120").decide(W))
                .containsExactly(SYNC_NOW, MARK_PENDING, MARK_PENDING, TRAILING_SYNC);
    }

    @Test
    void sessionEndSupersedesTheTrailingSync() {
        assertThat(DebounceTimeline.parse("stop@0 stop@30 end@40 close@120").decide(W))
                .containsExactly(SYNC_NOW, MARK_PENDING, SYNC_NOW, NOTHING);
    }

    @Test
    void lonelyStopClosesWithNothing() {
        assertThat(DebounceTimeline.parse("stop@0 close@120 stop@121").decide(W))
                .containsExactly(SYNC_NOW, NOTHING, SYNC_NOW);
    }

    @Test
    void stopAfterAClosedWindowOpensANewOne() {
        assertThat(DebounceTimeline.parse("stop@0 stop@5 close@120 stop@130 stop@200 close@250").decide(W))
                .containsExactly(SYNC_NOW, MARK_PENDING, TRAILING_SYNC, SYNC_NOW, MARK_PENDING, TRAILING_SYNC);
    }

    @Test
    void expiredWindowWithoutCloseIsReplacedAndItsPendingCovered() {
        // The closer was lost (killed): the next Stop after the deadline syncs and opens a fresh window.
        assertThat(DebounceTimeline.parse("stop@0 stop@10 stop@500 close@620").decide(W))
                .containsExactly(SYNC_NOW, MARK_PENDING, SYNC_NOW, NOTHING);
    }

    @Test
    void stopExactlyAtTheDeadlineOpensANewWindow() {
        assertThat(DebounceTimeline.parse("stop@0 stop@120").decide(W)).containsExactly(SYNC_NOW, SYNC_NOW);
    }

    @Test
    void staleCloseBeforeTheDeadlineChangesNothing() {
        assertThat(DebounceTimeline.parse("stop@0 stop@10 close@60 close@120").decide(W))
                .containsExactly(SYNC_NOW, MARK_PENDING, NOTHING, TRAILING_SYNC);
    }

    @Test
    void sessionEndIsNeverDebounced() {
        assertThat(DebounceTimeline.parse("end@0 end@1 stop@2 end@3 stop@4 close@122").decide(W))
                .containsExactly(SYNC_NOW, SYNC_NOW, SYNC_NOW, SYNC_NOW, MARK_PENDING, TRAILING_SYNC);
    }

    @Test
    void closeWithoutWindowDoesNothing() {
        StopDebouncer m = new StopDebouncer(Duration.ofSeconds(W));
        DebounceStep step = m.onWindowClose(DebounceState.idle(), Instant.EPOCH);
        assertThat(step.decision()).isEqualTo(NOTHING);
        assertThat(step.next()).isEqualTo(DebounceState.idle());
    }

    @Test
    void firstStopOpensWindowUntilNowPlusW() {
        StopDebouncer m = new StopDebouncer(StopDebouncer.DEFAULT_WINDOW);
        DebounceStep step = m.onStop(DebounceState.idle(), Instant.ofEpochSecond(1000));
        assertThat(step.next()).isEqualTo(new DebounceState.Open(Instant.ofEpochSecond(1120), false));
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> new StopDebouncer(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
