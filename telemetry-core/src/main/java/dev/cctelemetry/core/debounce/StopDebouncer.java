package dev.cctelemetry.core.debounce;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The per-session debounce of Claude Code's {@code Stop} hook (fires after every turn), as a pure state machine:
 * the caller holds each session's {@link DebounceState} and passes the current time in.
 *
 * <ul>
 *   <li>A Stop with no open window: {@link DebounceDecision#SYNC_NOW}, and a window opens until now + W. A window
 *       whose deadline has passed counts as not open (its closer was lost, e.g. killed): it is replaced, and any
 *       pending mark in it is covered by this sync.</li>
 *   <li>A Stop inside an open window: {@link DebounceDecision#MARK_PENDING}.</li>
 *   <li>The window's close (at or after its deadline): {@link DebounceDecision#TRAILING_SYNC} if a Stop is
 *       pending, else {@link DebounceDecision#NOTHING}; the window closes either way. A close before the
 *       deadline (a stale closer of an older window) changes nothing.</li>
 *   <li>SessionEnd: always {@link DebounceDecision#SYNC_NOW}, and it clears the pending mark, because its sync
 *       supersedes the trailing one; the window itself stays until its close.</li>
 * </ul>
 *
 * <p>So the first Stop of a burst syncs at once, and the last turn of a burst is synced at most W later, never
 * left for the daemon.
 */
public final class StopDebouncer {

    /** The default window: 120 s. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(120);

    private final Duration window;

    /** A debouncer with window {@code window} (positive). */
    public StopDebouncer(Duration window) {
        Objects.requireNonNull(window, "window is null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.window = window;
    }

    /** The window length. */
    public Duration window() {
        return window;
    }

    /** A Stop hook fired at {@code now}. */
    public DebounceStep onStop(DebounceState state, Instant now) {
        if (state instanceof DebounceState.Open open && open.isOpenAt(now)) {
            return new DebounceStep(DebounceDecision.MARK_PENDING, new DebounceState.Open(open.deadline(), true));
        }
        return new DebounceStep(DebounceDecision.SYNC_NOW, new DebounceState.Open(now.plus(window), false));
    }

    /** A SessionEnd hook fired at {@code now}. */
    public DebounceStep onSessionEnd(DebounceState state, Instant now) {
        Objects.requireNonNull(now, "now is null");
        DebounceState next = state instanceof DebounceState.Open open
                ? new DebounceState.Open(open.deadline(), false)
                : state;
        return new DebounceStep(DebounceDecision.SYNC_NOW, next);
    }

    /** The closer of the session's window woke at {@code now}. */
    public DebounceStep onWindowClose(DebounceState state, Instant now) {
        if (state instanceof DebounceState.Open open && !open.isOpenAt(now)) {
            DebounceDecision d = open.pending() ? DebounceDecision.TRAILING_SYNC : DebounceDecision.NOTHING;
            return new DebounceStep(d, DebounceState.idle());
        }
        return new DebounceStep(DebounceDecision.NOTHING, state);
    }
}
