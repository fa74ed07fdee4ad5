package dev.cctelemetry.web.query;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest sync of one machine by one trigger.
 *
 * @param machine the machine's name
 * @param trigger {@code hook}, {@code daemon}, {@code manual} or {@code push} (remote: the last push)
 * @param at when it finished
 */
public record LastSync(String machine, String trigger, Instant at) {

    public LastSync {
        Objects.requireNonNull(machine, "machine is null");
        Objects.requireNonNull(trigger, "trigger is null");
        Objects.requireNonNull(at, "at is null");
    }
}
