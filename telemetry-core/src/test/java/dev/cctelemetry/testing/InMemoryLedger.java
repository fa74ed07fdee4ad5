package dev.cctelemetry.testing;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link Ledger} held in memory, for tests of code that drives a real
 * {@link dev.cctelemetry.core.sync.SyncService}. It keeps the contract the SQL adapters keep: a commit lands
 * whole or not at all, and an incoming record replaces a stored one only when {@link WinnerRule} prefers it.
 * A later cost-state line of a session (higher offset in the same file, or any line of another file read later)
 * replaces the earlier one. Thread-safe.
 */
public final class InMemoryLedger implements Ledger {

    private final Map<UsageKey, UsageRecord> records = new HashMap<>();
    private final Map<String, FileCheckpoint> checkpoints = new HashMap<>();
    private final Map<String, SessionCostState> costStates = new HashMap<>();
    private final Map<UsageKey, Long> changeSeqs = new HashMap<>();
    private long changeSeq;
    private long pushedSeq;
    private String pushedTarget = "";
    private RuntimeException failure;
    private int commits;

    /** Makes every later commit throw {@code failure} and store nothing, as a full disk would. */
    public synchronized void failCommitsWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public synchronized Map<String, FileCheckpoint> checkpoints() {
        return Map.copyOf(checkpoints);
    }

    @Override
    public synchronized CommitOutcome commit(IngestBatch batch) {
        if (failure != null) {
            throw failure;
        }
        commits++;
        changeSeq++;
        long inserted = 0;
        long replaced = 0;
        long unchanged = 0;
        for (UsageRecord r : batch.records()) {
            UsageRecord stored = records.get(r.key());
            if (stored == null) {
                records.put(r.key(), r);
                changeSeqs.put(r.key(), changeSeq);
                inserted++;
            } else if (WinnerRule.winner(stored, r) == r && !stored.equals(r)) {
                records.put(r.key(), r);
                changeSeqs.put(r.key(), changeSeq);
                replaced++;
            } else {
                unchanged++;
            }
        }
        for (FileCheckpoint cp : batch.checkpoints()) {
            checkpoints.put(cp.path(), cp);
        }
        for (SessionCostState s : batch.costStates()) {
            costStates.merge(s.sessionId(), s, InMemoryLedger::laterCostState);
        }
        return new CommitOutcome(inserted, replaced, unchanged);
    }

    private static SessionCostState laterCostState(SessionCostState stored, SessionCostState incoming) {
        if (stored.sourceFile().equals(incoming.sourceFile())) {
            return incoming.sourceOffset() >= stored.sourceOffset() ? incoming : stored;
        }
        return incoming;
    }

    @Override
    public void forEachRecord(RecordFilter filter, Consumer<UsageRecord> action) {
        List<UsageRecord> selected;
        synchronized (this) {
            selected = new ArrayList<>();
            for (UsageRecord r : records.values()) {
                if (filter.from().map(f -> !r.timestamp().isBefore(f)).orElse(true)
                        && filter.until().map(u -> r.timestamp().isBefore(u)).orElse(true)) {
                    selected.add(r);
                }
            }
        }
        selected.sort(dev.cctelemetry.core.port.out.UsageRecordSource.ORDER);
        selected.forEach(action);
    }

    @Override
    public synchronized PendingBatch pendingForPush(long afterSeq, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        List<UsageKey> pending = changeSeqs.entrySet().stream().filter(e -> e.getValue() > afterSeq)
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        if (pending.isEmpty()) {
            return new PendingBatch(List.of(), afterSeq);
        }
        // Same cut as the SQL ledger: whole sequences only; one oversized sequence comes alone.
        long firstSeq = changeSeqs.get(pending.get(0));
        long lastSeq = firstSeq;
        List<UsageRecord> out = new ArrayList<>();
        int i = 0;
        while (i < pending.size()) {
            long seq = changeSeqs.get(pending.get(i));
            int j = i;
            while (j < pending.size() && changeSeqs.get(pending.get(j)) == seq) {
                j++;
            }
            if (!out.isEmpty() && out.size() + (j - i) > limit) {
                break;
            }
            pending.subList(i, j).forEach(k -> out.add(records.get(k)));
            lastSeq = seq;
            i = j;
        }
        return new PendingBatch(out, lastSeq);
    }

    @Override
    public synchronized long countPendingForPush(long afterSeq) {
        return changeSeqs.values().stream().filter(s -> s > afterSeq).count();
    }

    @Override
    public synchronized long pushedMark(String target) {
        return target.equals(pushedTarget) ? pushedSeq : 0;
    }

    @Override
    public synchronized void markPushed(String target, long seq) {
        if (!target.equals(pushedTarget) || seq > pushedSeq) {
            pushedTarget = target;
            pushedSeq = seq;
        }
    }

    @Override
    public synchronized long recordCount() {
        return records.size();
    }

    @Override
    public synchronized LedgerStats stats() {
        Set<String> sessions = new HashSet<>();
        long requests = 0;
        Optional<Instant> first = Optional.empty();
        Optional<Instant> last = Optional.empty();
        for (UsageRecord r : records.values()) {
            if (r.isRequest()) {
                requests++;
                sessions.add(r.sessionId());
            }
            Instant t = r.timestamp();
            first = Optional.of(first.filter(f -> f.isBefore(t)).orElse(t));
            last = Optional.of(last.filter(l -> l.isAfter(t)).orElse(t));
        }
        return new LedgerStats(records.size(), requests, sessions.size(), checkpoints.size(), first, last);
    }

    /** Every stored record, in timestamp order. */
    public List<UsageRecord> records() {
        List<UsageRecord> out = new ArrayList<>();
        forEachRecord(RecordFilter.ALL, out::add);
        return out;
    }

    /** The stored cost-state of each session. */
    public synchronized Map<String, SessionCostState> costStates() {
        return Map.copyOf(costStates);
    }

    /** How many commits succeeded. */
    public synchronized int commits() {
        return commits;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
