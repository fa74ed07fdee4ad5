package dev.cctelemetry.core.statusline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The 5-hour block running now (ccusage's block rule), as the status line shows it.
 *
 * @param costPicos its cost so far, in picodollars
 * @param costPerHour its burn rate in USD per hour (ccusage's: cost over the time between its first and last
 *     request), when it has requests more than an instant apart
 * @param end when it ends
 */
public record ActiveBlock(long costPicos, Optional<Double> costPerHour, Instant end) {

    public ActiveBlock {
        Objects.requireNonNull(costPerHour, "costPerHour is null");
        Objects.requireNonNull(end, "end is null");
    }
}
