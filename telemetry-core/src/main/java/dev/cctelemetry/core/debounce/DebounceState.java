package dev.cctelemetry.core.debounce;

import java.time.Instant;
import java.util.Objects;

/** One session's debounce state: no window, or a window open until a deadline. */
public sealed interface DebounceState {

    /** The state of a session that has never synced, or whose last window closed. */
    static DebounceState idle() {
        return Idle.INSTANCE;
    }

    /** No window is open. */
    enum Idle implements DebounceState {
        /** The only idle state. */
        INSTANCE
    }

    /**
     * A window is open: Stops before {@code deadline} are collapsed.
     *
     * @param deadline the instant the window closes (exclusive: a Stop at the deadline opens a new window)
     * @param pending whether a Stop arrived inside the window and is owed a trailing sync
     */
    record Open(Instant deadline, boolean pending) implements DebounceState {

        /** Validates the deadline. */
        public Open {
            Objects.requireNonNull(deadline, "deadline is null");
        }

        /** Whether the window still collapses Stops at {@code now}. */
        public boolean isOpenAt(Instant now) {
            return now.isBefore(deadline);
        }
    }
}
