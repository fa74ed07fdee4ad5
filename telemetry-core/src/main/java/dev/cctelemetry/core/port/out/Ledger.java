package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.PathOrder;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local ledger: usage records keyed by {@code (message id, request id)}, the read position of every
 * transcript, and Claude Code's per-session cost-state. It outlives Claude Code's transcript cleanup, so it
 * may be the only copy of a user's history.
 *
 * <p>Contract every adapter keeps: {@link #commit} is one transaction (records, checkpoints and cost-states
 * land together or not at all), so a process killed at any instant followed by another sync gives the ledger
 * one clean sync gives; an incoming record replaces a stored one with the same key only when
 * {@link dev.cctelemetry.core.usage.WinnerRule} prefers it, and then whole.
 */
public interface Ledger extends UsageRecordSource, AutoCloseable {

    /** Read positions of every transcript ingested so far, by path. Never null; empty for a new ledger. */
    Map<String, FileCheckpoint> checkpoints();

    /**
     * Read positions of the transcripts whose paths lie between {@code first} and {@code last} (both included) in
     * {@link PathOrder}: what a sync looks up for one window of files, so no process holds the checkpoints of a
     * whole history at once. Never null.
     */
    default Map<String, FileCheckpoint> checkpointsBetween(String first, String last) {
        Map<String, FileCheckpoint> out = new HashMap<>();
        for (FileCheckpoint cp : checkpoints().values()) {
            if (PathOrder.INSTANCE.compare(cp.path(), first) >= 0 && PathOrder.INSTANCE.compare(cp.path(), last) <= 0) {
                out.put(cp.path(), cp);
            }
        }
        return out;
    }

    /**
     * Stores one batch atomically.
     *
     * @return how many records were new, replaced by a preferred copy, or left as they were
     */
    CommitOutcome commit(IngestBatch batch);

    /**
     * A sync is over and its caller still holds the sync lock: the ledger may now keep a copy of its checkpoints
     * where a later process can compare transcripts with them without opening the ledger (a quick "anything
     * new?"). Such a copy must never claim more than the ledger holds; ledgers without one do nothing.
     */
    default void publishCheckpoints() {
        // nothing to publish
    }

    /** Streams stored records that match the filter, ordered by timestamp. */
    @Override
    void forEachRecord(RecordFilter filter, Consumer<UsageRecord> action);

    /** Counts and dates for status lines; reads every record, so slower than {@link #recordCount()}. */
    LedgerStats stats();

    /** How many records the ledger holds: what a sync prints after its summary, cheap on a big ledger. */
    long recordCount();

    /**
     * Reads the outbox of a push: records whose change sequence is past {@code afterSeq}, in change-sequence
     * order. Every commit gives the records it inserts or replaces (and the records whose cost it re-spreads)
     * one new sequence number higher than all before, so a record updated after it was pushed is read again.
     *
     * <p>A batch never splits one sequence number: it ends after the last whole sequence that fits in
     * {@code limit} records, or holds exactly one whole sequence when that alone is larger. So
     * {@link PendingBatch#lastSeq()} is a safe mark to resume after.
     *
     * @param afterSeq read records with a larger change sequence (0 for all)
     * @param limit soft cap on the records returned; positive
     * @return the batch; empty (with {@code lastSeq == afterSeq}) when nothing is pending
     */
    PendingBatch pendingForPush(long afterSeq, int limit);

    /**
     * How many records have a change sequence past {@code afterSeq}: what a push from that mark would send.
     */
    long countPendingForPush(long afterSeq);

    /**
     * The change sequence up to which records were pushed to {@code target}; 0 when nothing was pushed there
     * yet, or when the mark was stored for another target (a new store gets the whole history).
     *
     * @param target the remote store's description ({@link UsageSink#describe()}), never a credential
     */
    long pushedMark(String target);

    /**
     * Stores the push mark after the remote committed everything up to {@code seq}. Durable when it returns.
     * A mark never moves back for the same target.
     */
    void markPushed(String target, long seq);

    /** Releases the ledger's resources. Never throws checked exceptions. */
    @Override
    void close();

    /**
     * One batch to store.
     *
     * @param records priced records, at most one per key
     * @param checkpoints read positions of the files the records came from
     * @param costStates cost-state lines read in those files
     */
    record IngestBatch(List<UsageRecord> records, List<FileCheckpoint> checkpoints,
            List<SessionCostState> costStates) {
        public IngestBatch {
            records = List.copyOf(records);
            checkpoints = List.copyOf(checkpoints);
            costStates = List.copyOf(costStates);
        }
    }

    /**
     * What a commit changed.
     *
     * @param inserted records with a new key
     * @param replaced stored records replaced by a preferred copy
     * @param unchanged incoming records that lost to the stored copy
     */
    record CommitOutcome(long inserted, long replaced, long unchanged) {
    }

    /**
     * Which records to read.
     *
     * @param from inclusive lower bound on the timestamp
     * @param until exclusive upper bound on the timestamp
     */
    record RecordFilter(Optional<Instant> from, Optional<Instant> until) {
        /** Every record. */
        public static final RecordFilter ALL = new RecordFilter(Optional.empty(), Optional.empty());

        public RecordFilter {
            Objects.requireNonNull(from, "from is null");
            Objects.requireNonNull(until, "until is null");
        }
    }

    /**
     * Records waiting to be pushed, with the change sequence they were read up to.
     *
     * @param records records in change-sequence order
     * @param lastSeq the highest change sequence among {@code records}, or the {@code afterSeq} asked for
     *     when there are none
     */
    record PendingBatch(List<UsageRecord> records, long lastSeq) {
        public PendingBatch {
            records = List.copyOf(records);
        }

        /** Whether nothing is pending. */
        public boolean isEmpty() {
            return records.isEmpty();
        }
    }

    /**
     * Summary numbers.
     *
     * @param records usage records stored (zero-token lines too)
     * @param requests records that are requests ({@link UsageRecord#isRequest()})
     * @param sessions distinct sessions with a request
     * @param files transcripts with a checkpoint
     * @param first earliest record timestamp
     * @param last latest record timestamp
     */
    record LedgerStats(long records, long requests, long sessions, long files, Optional<Instant> first,
            Optional<Instant> last) {
    }
}
