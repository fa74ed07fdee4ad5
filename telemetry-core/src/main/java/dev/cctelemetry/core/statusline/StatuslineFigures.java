package dev.cctelemetry.core.statusline;

import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's figures for one status line. Each is absent when it is not known (the session has nothing in the
 * ledger yet, no shared store, a stale cache, no block running): the line then leaves it out rather than show 0.
 *
 * @param sessionPicos the session's cost, in picodollars
 * @param todayPicos today's cost on this machine
 * @param allMachinesTodayPicos today's cost over every machine of the shared store
 * @param block the block running now
 */
public record StatuslineFigures(Optional<Long> sessionPicos, Optional<Long> todayPicos,
        Optional<Long> allMachinesTodayPicos, Optional<ActiveBlock> block) {

    /** Nothing known. */
    public static final StatuslineFigures NONE = new StatuslineFigures(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public StatuslineFigures {
        Objects.requireNonNull(sessionPicos, "sessionPicos is null");
        Objects.requireNonNull(todayPicos, "todayPicos is null");
        Objects.requireNonNull(allMachinesTodayPicos, "allMachinesTodayPicos is null");
        Objects.requireNonNull(block, "block is null");
    }

    /** These figures with the all-machines total. */
    public StatuslineFigures withAllMachines(Optional<Long> picos) {
        return new StatuslineFigures(sessionPicos, todayPicos, picos, block);
    }
}
