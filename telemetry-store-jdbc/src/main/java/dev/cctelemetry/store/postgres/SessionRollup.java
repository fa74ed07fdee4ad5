package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.port.out.SessionEnd;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One machine's sessions as a batch shows them: earliest and latest activity, where they ran, how they ended.
 *
 * @param sessionId the session
 * @param projectDir encoded project dir of the earliest record that has one, or ""
 * @param cwd working directory of the earliest record that has one, or ""
 * @param first earliest record timestamp, empty for a session known only from its end
 * @param last latest record timestamp, empty likewise
 * @param endReason the SessionEnd hook's reason, empty when not reported in this batch
 */
record SessionRollup(String sessionId, String projectDir, String cwd, Optional<Instant> first,
        Optional<Instant> last, Optional<String> endReason) {

    /** Rolls records and end reasons up per session, ordered by session id (a stable lock order). */
    static List<SessionRollup> of(Collection<UsageRecord> records, Collection<SessionEnd> ends) {
        Map<String, SessionRollup> bySession = new TreeMap<>();
        for (UsageRecord r : records) {
            SessionRollup incoming = new SessionRollup(r.sessionId(), r.projectDir(), r.cwd(),
                    Optional.of(r.timestamp()), Optional.of(r.timestamp()), Optional.empty());
            bySession.merge(r.sessionId(), incoming, SessionRollup::merge);
        }
        for (SessionEnd end : ends) {
            SessionRollup incoming = new SessionRollup(end.sessionId(), "", "", Optional.empty(),
                    Optional.empty(), Optional.of(end.reason()));
            bySession.merge(end.sessionId(), incoming, SessionRollup::merge);
        }
        return List.copyOf(bySession.values());
    }

    private SessionRollup merge(SessionRollup other) {
        boolean otherEarlier = other.first.isPresent()
                && (first.isEmpty() || other.first.get().isBefore(first.get()));
        SessionRollup early = otherEarlier ? other : this;
        SessionRollup late = otherEarlier ? this : other;
        return new SessionRollup(sessionId,
                early.projectDir.isEmpty() ? late.projectDir : early.projectDir,
                early.cwd.isEmpty() ? late.cwd : early.cwd,
                min(first, other.first), max(last, other.last),
                other.endReason.isPresent() ? other.endReason : endReason);
    }

    private static Optional<Instant> min(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    private static Optional<Instant> max(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }
}
