package dev.cctelemetry.core.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits a window's readings into its periods. A reading opens a new period when it was seen at or after the
 * current period's reset, or when its reset time lies more than {@link #RESET_TOLERANCE} from the period's: Claude
 * Code passes on the reset the API sends, which is fixed for a period, and the tolerance only absorbs rounding.
 */
public final class LimitPeriods {

    /** How far a reset time may move within one period. */
    public static final Duration RESET_TOLERANCE = Duration.ofMinutes(10);

    private LimitPeriods() {
    }

    /** The periods of one window's readings (any order), oldest first. */
    public static List<LimitPeriod> of(LimitWindow window, List<PlanLimitReading> readings) {
        List<PlanLimitReading> sorted = readings.stream().filter(r -> r.window().equals(window))
                .sorted(Comparator.comparing(PlanLimitReading::seenAt)).toList();
        List<LimitPeriod> periods = new ArrayList<>();
        List<PlanLimitReading> current = new ArrayList<>();
        for (PlanLimitReading r : sorted) {
            if (!current.isEmpty() && startsNewPeriod(current.get(0).resetsAt(), r)) {
                periods.add(period(window, current));
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) {
            periods.add(period(window, current));
        }
        return List.copyOf(periods);
    }

    private static boolean startsNewPeriod(Instant periodReset, PlanLimitReading r) {
        return !r.seenAt().isBefore(periodReset)
                || Duration.between(periodReset, r.resetsAt()).abs().compareTo(RESET_TOLERANCE) > 0;
    }

    private static LimitPeriod period(LimitWindow window, List<PlanLimitReading> readings) {
        double peak = 0;
        Optional<Instant> full = Optional.empty();
        for (PlanLimitReading r : readings) {
            peak = Math.max(peak, r.usedPercentage());
            if (full.isEmpty() && r.usedPercentage() >= 100) {
                full = Optional.of(r.seenAt());
            }
        }
        return new LimitPeriod(window, readings.get(0).resetsAt(), readings, peak, full);
    }
}
