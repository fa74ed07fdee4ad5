package dev.cctelemetry.web.api;

import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.query.SyncMark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Each machine's last sync per trigger (hook, daemon, manual, push), with a machine marked stale when its latest
 * sync of any kind is more than a day old: the card that tells a user whether the numbers are current.
 */
public final class LastSyncCard {

    /** A machine that has not synced for this long is stale. */
    public static final Duration STALE_AFTER = Duration.ofDays(1);

    private final UsageQueries queries;
    private final Clock clock;

    /**
     * @param queries the store
     * @param clock tells how old a sync is
     */
    public LastSyncCard(UsageQueries queries, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The card, times shown in {@code zone}. */
    Card card(ZoneId zone) {
        return new Card("last-syncs", rows(zone));
    }

    /** One row per machine and trigger that ran, in the port's order (machine name, then trigger). */
    List<SyncRow> rows(ZoneId zone) {
        List<SyncMark> marks = queries.lastSyncs().stream().filter(m -> m.lastRun().isPresent()).toList();
        Map<String, Instant> latest = new HashMap<>();
        for (SyncMark m : marks) {
            latest.merge(machine(m), m.lastRun().get(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Instant now = clock.instant();
        List<SyncRow> rows = new ArrayList<>();
        for (SyncMark m : marks) {
            Instant at = m.lastRun().get();
            boolean ok = m.lastSuccess().map(s -> s.equals(at)).orElse(false);
            rows.add(new SyncRow(machine(m), m.trigger().name().toLowerCase(Locale.ROOT), at.toString(),
                    Times.minute(at, zone), ok, ok ? "" : m.lastError(),
                    Duration.between(latest.get(machine(m)), now).compareTo(STALE_AFTER) > 0));
        }
        return rows;
    }

    private static String machine(SyncMark m) {
        return m.machineName().isEmpty() ? m.machineId() : m.machineName();
    }

    /** The card document. */
    record Card(String id, List<SyncRow> syncs) {
    }

    /**
     * One machine's last run of one trigger.
     *
     * @param ok whether that run succeeded
     * @param error what went wrong when it did not, else ""
     * @param stale whether the machine's latest sync of any trigger is older than a day
     */
    record SyncRow(String machine, String trigger, String at, String atText, boolean ok, String error,
            boolean stale) {
    }
}
