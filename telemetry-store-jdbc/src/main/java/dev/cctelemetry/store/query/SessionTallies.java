package dev.cctelemetry.store.query;

import dev.cctelemetry.core.query.GroupTally;
import dev.cctelemetry.core.query.SessionUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Sessions' tallies while their partial rows come in, in any order, and each session's usage once they are in:
 * its machine (the greatest id among its rows), its places, first and last request, as {@link GroupTally} picks them.
 * Not thread-safe.
 */
final class SessionTallies {

    private final Map<String, GroupTally> bySession = new HashMap<>();
    private final Map<String, String> machineOf = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Function<String, String> machineNames;

    /** @param machineNames a machine's name by its id */
    SessionTallies(Function<String, String> machineNames) {
        this.machineNames = machineNames;
    }

    /** Adds a row of requests. */
    void add(PartialRow r) {
        r.addTo(bySession.computeIfAbsent(r.session(), k -> new GroupTally()));
        machineOf.merge(r.session(), r.machine(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /** The sessions added. */
    Set<String> ids() {
        return bySession.keySet();
    }

    /** A session's last request (only for one added). */
    Instant last(String id) {
        return bySession.get(id).last();
    }

    /** The usage of a session added, or null when none of its rows was. */
    SessionUsage usage(String id) {
        GroupTally t = bySession.get(id);
        if (t == null) {
            return null;
        }
        String machine = machineOf.get(id);
        return new SessionUsage(id, machine, names.computeIfAbsent(machine, machineNames), t.projectDir(), t.cwd(),
                t.first(), t.last(), t.summary());
    }
}
