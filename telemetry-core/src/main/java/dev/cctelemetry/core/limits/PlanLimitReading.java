package dev.cctelemetry.core.limits;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded plan-limit reading: a window's level as one statusLine run of one session saw it. Recorded only
 * when it differs from the window's previous reading, so the history is the list of changes.
 *
 * @param level the window, its used share and reset time
 * @param seenAt when the statusLine run saw it
 * @param sessionId the Claude Code session whose payload carried it ({@code ""} when the payload named none)
 */
public record PlanLimitReading(LimitLevel level, Instant seenAt, String sessionId) {

    public PlanLimitReading {
        Objects.requireNonNull(level, "level is null");
        Objects.requireNonNull(seenAt, "seenAt is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
    }

    /** The window read. */
    public LimitWindow window() {
        return level.window();
    }

    /** Share used, in percent. */
    public double usedPercentage() {
        return level.usedPercentage();
    }

    /** When the window's period ends. */
    public Instant resetsAt() {
        return level.resetsAt();
    }
}
