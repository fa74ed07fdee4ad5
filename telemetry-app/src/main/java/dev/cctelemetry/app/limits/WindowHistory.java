package dev.cctelemetry.app.limits;

import dev.cctelemetry.core.limits.LimitPace;
import dev.cctelemetry.core.limits.LimitPeriod;
import dev.cctelemetry.core.limits.LimitPeriods;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plan-limit window of one machine, as its readings show it at one moment.
 *
 * @param machine the machine's name
 * @param window the window
 * @param periods its periods, oldest first ({@link LimitPeriods})
 * @param current the latest reading, when its period is still running
 * @param pace where the running period is heading, when there is a rate to speak of
 */
public record WindowHistory(String machine, LimitWindow window, List<LimitPeriod> periods,
        Optional<PlanLimitReading> current, Optional<LimitPace> pace) {

    public WindowHistory {
        Objects.requireNonNull(machine, "machine is null");
        Objects.requireNonNull(window, "window is null");
        periods = List.copyOf(periods);
        Objects.requireNonNull(current, "current is null");
        Objects.requireNonNull(pace, "pace is null");
    }

    /** The history of {@code window} in {@code readings} (any windows, any order) at {@code now}. */
    public static WindowHistory of(String machine, LimitWindow window, List<PlanLimitReading> readings, Instant now) {
        List<LimitPeriod> periods = LimitPeriods.of(window, readings);
        Optional<LimitPeriod> running = periods.isEmpty() ? Optional.empty()
                : Optional.of(periods.get(periods.size() - 1)).filter(p -> p.isCurrentAt(now));
        return new WindowHistory(machine, window, periods, running.map(LimitPeriod::latest),
                running.flatMap(p -> LimitPace.of(p, now)));
    }

    /** How long until the running period resets. */
    public Optional<Duration> resetsIn(Instant now) {
        return current.map(r -> Duration.between(now, r.resetsAt()));
    }

    /** How many periods reached 100 %. */
    public long timesFull() {
        return periods.stream().filter(p -> p.reachedFullAt().isPresent()).count();
    }
}
