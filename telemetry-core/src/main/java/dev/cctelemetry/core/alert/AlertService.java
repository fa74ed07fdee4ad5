package dev.cctelemetry.core.alert;

import dev.cctelemetry.core.port.out.AlertChannel;
import dev.cctelemetry.core.port.out.AlertLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the thresholds crossed now that were never raised, and delivers every pending alert. Run after each hook
 * sync and daemon pass, outside the sync lock (a webhook may take its whole timeout).
 *
 * <ul>
 *   <li>Once: the {@link AlertLog} keeps every key raised; of two workers raising one key at once, one wins.</li>
 *   <li>Highest only: when a budget first seen at 85 % crosses 50 and 80 at once, both are recorded but only the 80 %
 *       alert is sent (the 50 % is recorded skipped in the same transaction, so no concurrent run sends it).</li>
 *   <li>Retried: a webhook that fails is tried again by a later run, at most every {@link #RETRY_AFTER}, for
 *       {@link #MAX_AGE} and {@link #MAX_ATTEMPTS} attempts; a desktop popup is tried once.</li>
 *   <li>Bounded: no attempt starts after the run's sending time, and a channel that fails is not tried again in the
 *       same run; what is left stays pending for the next run.</li>
 *   <li>Only where it can go: an alert gets a delivery per channel available when it is raised (no desktop session,
 *       no desktop delivery: silently).</li>
 * </ul>
 */
public final class AlertService {

    /** Least time between two attempts of one delivery. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    /** Deliveries older than this are not tried any more: yesterday's 80 % is news no longer. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    /** Attempts per delivery at most. */
    public static final int MAX_ATTEMPTS = 30;
    /**
     * Default time after which a run starts no further attempt: what is left waits for the next run. With each
     * channel's own timeout on top, this bounds a run (the hook worker's included) whatever the channels do.
     */
    public static final Duration DEFAULT_SENDING_TIME = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertLog alertLog;
    private final List<AlertChannel> channels;
    private final Clock clock;
    private final Duration sendingTime;

    /**
     * @param alertLog where raised alerts and deliveries are kept
     * @param channels every channel configured (each says whether it is available)
     * @param clock for retry and age decisions
     */
    public AlertService(AlertLog alertLog, List<AlertChannel> channels, Clock clock) {
        this(alertLog, channels, clock, DEFAULT_SENDING_TIME);
    }

    /**
     * @param alertLog where raised alerts and deliveries are kept
     * @param channels every channel configured (each says whether it is available)
     * @param clock for retry and age decisions, and the run's sending time
     * @param sendingTime no attempt starts once the run has been sending this long
     */
    public AlertService(AlertLog alertLog, List<AlertChannel> channels, Clock clock, Duration sendingTime) {
        this.alertLog = Objects.requireNonNull(alertLog, "alertLog is null");
        this.channels = List.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.sendingTime = Objects.requireNonNull(sendingTime, "sendingTime is null");
    }

    /** Raises what is new among {@code candidates}, then delivers what is pending. Never throws. */
    public AlertRun run(List<Alert> candidates) {
        List<Alert> raised = List.of();
        int delivered = 0;
        List<String> failures = new ArrayList<>();
        try {
            Map<String, AlertChannel> usable = new LinkedHashMap<>();
            for (AlertChannel c : usable(channels)) {
                usable.put(c.name(), c);
            }
            raised = alertLog.raise(candidates, List.copyOf(usable.keySet()), lowerThresholds(candidates));
            Instant stopSending = clock.instant().plus(sendingTime);
            for (AlertLog.PendingDelivery d : alertLog.pending(clock.instant(), RETRY_AFTER, MAX_AGE, MAX_ATTEMPTS)) {
                AlertChannel channel = usable.get(d.channel());
                // Out of time, or a channel that just failed (a webhook that is down fails for every alert alike):
                // the delivery stays pending, unclaimed, for the next run.
                if (channel == null || !clock.instant().isBefore(stopSending)
                        || !alertLog.claimDelivery(d.alert().key(), d.channel(), clock.instant(), RETRY_AFTER)) {
                    continue;
                }
                AlertChannel.Outcome outcome = send(channel, d.alert());
                alertLog.recordAttempt(d.alert().key(), d.channel(), outcome.delivered(),
                        outcome.delivered() ? Optional.empty() : Optional.of(outcome.error()), channel.retries());
                if (outcome.delivered()) {
                    delivered++;
                } else {
                    failures.add(d.channel() + ": " + outcome.error());
                    usable.remove(d.channel());
                }
            }
        } catch (RuntimeException e) {
            log.warn("alerts: {}", e.getMessage());
            failures.add(String.valueOf(e.getMessage()));
        }
        return new AlertRun(raised, delivered, failures);
    }

    /**
     * The keys of every candidate below the highest of its subject: of the alerts of one subject raised together,
     * only the highest threshold is delivered (one already raised is left as it is by the log).
     */
    private static Set<String> lowerThresholds(List<Alert> candidates) {
        Map<String, Alert> highest = new HashMap<>();
        for (Alert a : candidates) {
            highest.merge(a.subject(), a, (x, y) -> x.threshold() >= y.threshold() ? x : y);
        }
        Set<String> lower = new HashSet<>();
        for (Alert a : candidates) {
            if (highest.get(a.subject()) != a) {
                lower.add(a.key());
            }
        }
        return lower;
    }

    /** The channels of {@code channels} able to deliver now, in order (one whose check throws is not). */
    public static List<AlertChannel> usable(List<AlertChannel> channels) {
        return channels.stream().filter(AlertService::available).toList();
    }

    private static boolean available(AlertChannel c) {
        try {
            return c.available();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static AlertChannel.Outcome send(AlertChannel channel, Alert alert) {
        try {
            return channel.send(alert);
        } catch (RuntimeException e) {
            return AlertChannel.Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * What one run did.
     *
     * @param raised alerts raised now (lower thresholds included)
     * @param delivered deliveries that got through
     * @param failures one line per delivery that did not (channel: reason)
     */
    public record AlertRun(List<Alert> raised, int delivered, List<String> failures) {
        public AlertRun {
            raised = List.copyOf(raised);
            failures = List.copyOf(failures);
        }
    }
}
