package dev.cctelemetry.web.api;

import dev.cctelemetry.web.query.DashboardQueries;
import dev.cctelemetry.web.query.LastSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each machine's last sync per trigger (hook, daemon, manual), with a machine marked stale when its latest sync
 * of any kind is more than a day old: the card that tells a user whether the numbers are current.
 */
public final class LastSyncCard {

    /** A machine that has not synced for this long is stale. */
    public static final Duration STALE_AFTER = Duration.ofDays(1);

    private final DashboardQueries queries;
    private final Clock clock;

    /**
     * @param queries the store
     * @param clock tells how old a sync is
     */
    public LastSyncCard(DashboardQueries queries, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The card, times shown in {@code zone}. */
    Card card(ZoneId zone) {
        return new Card("last-syncs", rows(zone));
    }

    /** One row per machine and trigger, machines sorted by name. */
    List<SyncRow> rows(ZoneId zone) {
        List<LastSync> syncs = queries.lastSyncs();
        Map<String, Instant> latest = new HashMap<>();
        for (LastSync s : syncs) {
            latest.merge(s.machine(), s.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Instant now = clock.instant();
        List<SyncRow> rows = new ArrayList<>();
        syncs.stream().sorted((a, b) -> a.machine().equals(b.machine()) ? a.trigger().compareTo(b.trigger())
                : a.machine().compareTo(b.machine())).forEach(s -> rows.add(new SyncRow(s.machine(), s.trigger(),
                        s.at().toString(), Times.minute(s.at(), zone),
                        Duration.between(latest.get(s.machine()), now).compareTo(STALE_AFTER) > 0)));
        return rows;
    }

    /** The card document. */
    record Card(String id, List<SyncRow> syncs) {
    }

    /**
     * One machine's last sync by one trigger.
     *
     * @param stale whether the machine's latest sync of any trigger is older than a day
     */
    record SyncRow(String machine, String trigger, String at, String atText, boolean stale) {
    }
}
