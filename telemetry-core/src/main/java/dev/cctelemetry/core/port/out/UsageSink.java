package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A remote store that usage from every machine is pushed to, keyed by natural keys so that any push can be
 * repeated: usage records by {@code (message id, request id)} (the request id is {@code ''} when absent, never
 * NULL, so that keys always conflict), sessions by {@code (machine id, session id)}, machines by machine id.
 *
 * <p>Contract every adapter keeps:
 * <ul>
 *   <li>{@link #push} is one transaction: all of a batch lands or none of it.</li>
 *   <li>Repeating a push changes no stored record or session (only the machine's last-push time moves).</li>
 *   <li>An incoming record replaces the stored one with the same key only when
 *       {@link dev.cctelemetry.core.usage.WinnerRule#PREFERENCE} prefers it, and then the whole row (with the
 *       pushing machine as its owner); a record pushed by several machines is stored once.</li>
 *   <li>Failures surface as {@link RemoteStoreException} with a secret-free message.</li>
 * </ul>
 */
public interface UsageSink extends AutoCloseable {

    /**
     * Upserts a batch of records from one machine, and that machine's sessions aggregated from it.
     * Equivalent to {@code push(machine, records, List.of())}.
     *
     * @throws RemoteStoreException when the store cannot be reached or refuses the batch
     */
    default void push(MachineIdentity machine, List<UsageRecord> records) {
        push(machine, records, List.of());
    }

    /**
     * Upserts a batch of records from one machine, that machine's sessions aggregated from it (earliest and
     * latest activity widen the stored ones), and how sessions ended.
     *
     * @param machine the pushing machine
     * @param records records in any order; several copies of one key are reduced with the winner rule first
     * @param sessionEnds end reasons reported by the {@code SessionEnd} hook; a later one replaces an earlier one
     * @throws RemoteStoreException when the store cannot be reached or refuses the batch
     */
    void push(MachineIdentity machine, List<UsageRecord> records, List<SessionEnd> sessionEnds);

    /**
     * Streams the stored records that match the filter, ordered by timestamp, to the consumer.
     *
     * @throws RemoteStoreException when the store cannot be reached
     */
    void reportRecords(ReportFilter filter, Consumer<RemoteUsageRow> consumer);

    /**
     * The aggregate queries over every machine's records in this store, answered by the store itself (reports
     * and dashboards with {@code --remote}); valid until the sink is closed.
     */
    UsageQueries queries();

    /**
     * The machines that have pushed, by name, each with its last push.
     *
     * @throws RemoteStoreException when the store cannot be reached
     */
    List<RemoteMachine> machines();

    /** Where the store is, for status lines: never includes credentials. */
    String describe();

    /** Closes any open connection. Never throws. */
    @Override
    void close();

    /**
     * Which remote records to read.
     *
     * @param from inclusive lower bound on the timestamp
     * @param until exclusive upper bound on the timestamp
     * @param machine only records owned by this machine, given by id or by name
     */
    record ReportFilter(Optional<Instant> from, Optional<Instant> until, Optional<String> machine) {
        /** Every record of every machine. */
        public static final ReportFilter ALL = new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty());

        public ReportFilter {
            Objects.requireNonNull(from, "from is null");
            Objects.requireNonNull(until, "until is null");
            Objects.requireNonNull(machine, "machine is null");
        }
    }
}
