package dev.cctelemetry.testing;

import dev.cctelemetry.core.alert.Alert;
import dev.cctelemetry.core.port.out.AlertLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An {@link AlertLog} in memory, for tests of what uses one (the SQLite one has its own tests). Thread-safe. */
public final class InMemoryAlertLog implements AlertLog {

    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();

    /** One delivery's state. */
    private static final class Delivery {
        final String key;
        final String channel;
        String state = "pending";
        int attempts;
        Instant lastAttempt;
        String error = "";

        Delivery(String key, String channel) {
            this.key = key;
            this.channel = channel;
        }
    }

    @Override
    public synchronized List<Alert> raise(List<Alert> candidates, List<String> channels, Set<String> silent) {
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : candidates) {
            if (alerts.putIfAbsent(a.key(), a) == null) {
                fresh.add(a);
                for (String c : channels) {
                    Delivery d = new Delivery(a.key(), c);
                    if (silent.contains(a.key())) {
                        d.state = "skipped";
                    }
                    deliveries.put(a.key() + "\n" + c, d);
                }
            }
        }
        return fresh;
    }

    @Override
    public synchronized List<PendingDelivery> pending(Instant now, Duration retryAfter, Duration maxAge,
            int maxAttempts) {
        return deliveries.values().stream()
                .filter(d -> d.state.equals("pending") && d.attempts < maxAttempts)
                .filter(d -> d.lastAttempt == null || !d.lastAttempt.plus(retryAfter).isAfter(now))
                .filter(d -> !alerts.get(d.key).raisedAt().isBefore(now.minus(maxAge)))
                .sorted(Comparator.comparing(d -> alerts.get(d.key).raisedAt()))
                .map(d -> new PendingDelivery(alerts.get(d.key), d.channel, d.attempts))
                .toList();
    }

    @Override
    public synchronized boolean claimDelivery(String key, String channel, Instant now, Duration retryAfter) {
        Delivery d = deliveries.get(key + "\n" + channel);
        if (d == null || !d.state.equals("pending")
                || (d.lastAttempt != null && d.lastAttempt.plus(retryAfter).isAfter(now))) {
            return false;
        }
        d.lastAttempt = now;
        d.attempts++;
        return true;
    }

    @Override
    public synchronized void recordAttempt(String key, String channel, boolean delivered, Optional<String> error,
            boolean retry) {
        Delivery d = deliveries.get(key + "\n" + channel);
        d.state = delivered ? "delivered" : retry ? "pending" : "failed";
        d.error = error.orElse("");
    }

    @Override
    public synchronized Optional<RaisedAlert> lastRaised() {
        return alerts.values().stream().reduce((a, b) -> b).map(a -> new RaisedAlert(a, deliveries.values().stream()
                .filter(d -> d.key.equals(a.key()))
                .map(d -> d.channel + ": " + d.state + (d.error.isEmpty() ? "" : " (" + d.error + ")")).toList()));
    }

    /** Every raised key, in order. */
    public synchronized List<String> raisedKeys() {
        return List.copyOf(alerts.keySet());
    }

    /** A delivery's state: pending, delivered, failed, skipped; empty when there is none. */
    public synchronized Optional<String> state(String key, String channel) {
        return Optional.ofNullable(deliveries.get(key + "\n" + channel)).map(d -> d.state);
    }
}
