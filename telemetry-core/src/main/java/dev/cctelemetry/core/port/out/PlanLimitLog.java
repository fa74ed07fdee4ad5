package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.limits.PlanLimitReading;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * This machine's plan-limit history in the local ledger: one reading per change of a window, and the outbox that
 * pushes them to the shared store the way usage records are pushed.
 *
 * <p>Contract every adapter keeps: {@link #recordChanges} is one transaction that compares under the write lock, so
 * two processes recording the same level at once store it once; readings are never updated or deleted.
 */
public interface PlanLimitLog {

    /**
     * Stores, in order of {@link PlanLimitReading#seenAt()}, each reading whose level (percentage or reset time)
     * differs from the stored readings of its window just before and just after it in time; the others are dropped
     * as repeats.
     *
     * @return the readings stored, oldest first; empty when nothing changed
     */
    List<PlanLimitReading> recordChanges(List<PlanLimitReading> readings);

    /** Readings seen at or after {@code since} (all when empty), oldest first, of every window. */
    List<PlanLimitReading> readings(Optional<Instant> since);

    /** The latest reading of each window, by window order ({@link dev.cctelemetry.core.limits.LimitWindow}). */
    List<PlanLimitReading> latest();

    /**
     * The outbox of a push: readings stored after the one numbered {@code afterId}, at most {@code limit}, in the
     * order they were stored.
     */
    PendingReadings pendingReadings(long afterId, int limit);

    /** The number of the last reading pushed to {@code target}; 0 when none (or another target was pushed to). */
    long readingsPushedMark(String target);

    /** Stores the push mark once {@code target} committed every reading up to {@code lastId}; never moves back. */
    void markReadingsPushed(String target, long lastId);

    /**
     * Readings waiting for a push.
     *
     * @param readings in storage order
     * @param lastId the number of the last of them, or the {@code afterId} asked for when there are none
     */
    record PendingReadings(List<PlanLimitReading> readings, long lastId) {
        public PendingReadings {
            readings = List.copyOf(readings);
        }

        /** Whether nothing is pending. */
        public boolean isEmpty() {
            return readings.isEmpty();
        }
    }
}
