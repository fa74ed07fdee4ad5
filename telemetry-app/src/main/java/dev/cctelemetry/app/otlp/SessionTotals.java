package dev.cctelemetry.app.otlp;

import dev.cctelemetry.core.query.Picodollars;
import dev.cctelemetry.core.usage.UsageRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each selected session's totals by model since its first request, summed from the ledger's records: what one
 * cumulative point per session and model holds. Requests only (records with tokens); costs summed in picodollars,
 * as every report sums them. Not thread-safe.
 */
final class SessionTotals {

    /** One series: a session's use of one model. */
    record Key(String sessionId, String model) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = sessionId.compareTo(o.sessionId);
            return c != 0 ? c : model.compareTo(o.model);
        }
    }

    /** Running sums of one series. */
    static final class Sum {
        long input;
        long output;
        long cacheRead;
        long cacheCreation;
        long costPicos;
    }

    private final Set<String> sessions;
    private final Map<Key, Sum> sums = new TreeMap<>();
    private final Map<String, Long> firstMillis = new HashMap<>();

    /** @param sessions the sessions to total; others' records are passed over */
    SessionTotals(Set<String> sessions) {
        this.sessions = Set.copyOf(sessions);
    }

    void add(UsageRecord r) {
        if (r.tokens().total() == 0 || !sessions.contains(r.sessionId())) {
            return;
        }
        // The report's model label: fast mode is its own model there too.
        Sum s = sums.computeIfAbsent(new Key(r.sessionId(), r.fast() ? r.model() + "-fast" : r.model()),
                k -> new Sum());
        s.input += r.tokens().input();
        s.output += r.tokens().output();
        s.cacheRead += r.tokens().cacheRead();
        s.cacheCreation += r.tokens().cacheWrite();
        s.costPicos += Picodollars.of(r.costUsd());
        firstMillis.merge(r.sessionId(), r.timestamp().toEpochMilli(), Math::min);
    }

    /** The series, by session then model. */
    Map<Key, Sum> sums() {
        return sums;
    }

    /** When a session's first request was, epoch milliseconds: the start of its cumulative points. */
    long firstMillis(String sessionId) {
        return firstMillis.get(sessionId);
    }
}
