package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.ReportedUsage;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code usage_events} table: one row per API response, keyed by {@code (message_id, request_id)}, written
 * with the winner rule; the text a record shares with others lives in {@code sources} and {@code contexts}. Runs inside the ledger's transaction; holds no state of its own but the connection.
 */
final class UsageEventTable {

    /** The stored columns, in the order {@link #bind} binds them ({@code key_hash} last: the slot). */
    private static final String COLUMNS = "message_id, request_id, context_id, source_id, ts, input, output,"
            + " cache_write_5m, cache_write_1h, cache_read, total_tokens, sidechain, stop_reason_set, source_offset,"
            + " cost_usd, cost_source, price_version, change_seq, key_hash";

    /**
     * A whole record, joined with its source and context (aliases {@code e} for the event, {@code s} for the
     * source, {@code c} for the context), in the order {@link #read} reads; {@code change_seq} is column 26.
     */
    static final String SELECT = "e.message_id, e.request_id, c.session_id, s.project_dir, c.cwd, e.ts, c.model,"
            + " e.input, e.output, e.cache_write_5m, e.cache_write_1h, e.cache_read, e.total_tokens, c.speed,"
            + " c.service_tier, c.version, e.sidechain, c.agent_id, e.stop_reason_set, s.config_root, s.source_file,"
            + " e.source_offset, e.cost_usd, e.cost_source, e.price_version, e.change_seq";

    /**
     * What reports read of a record (aliases as in {@link #SELECT}), in the order {@link #readReported} reads.
     */
    static final String SELECT_REPORTED = "e.ts, c.session_id, s.project_dir, c.cwd, c.model, e.input, e.output,"
            + " e.cache_write_5m, e.cache_write_1h, e.cache_read, e.cost_usd, e.cost_source, c.speed";

    /** Columns of {@link #SELECT_REPORTED}. */
    static final int SELECTED_REPORTED = 13;

    /** What {@link #SELECT} reads from. */
    static final String FROM = "usage_events e JOIN sources s ON s.id = e.source_id JOIN contexts c ON c.id = e.context_id";

    /** Columns of {@link #SELECT}. */
    static final int SELECTED = 26;

    /** Column count of {@link #COLUMNS}; the incoming record's speed and source file are bound after them. */
    private static final int STORED = 19;

    /**
     * Replaces a stored copy only when {@link dev.cctelemetry.core.usage.WinnerRule} prefers the incoming one:
     * larger total; then non-sidechain; then speed set; then stop_reason set; then earlier (file, offset). The
     * incoming values are numbered parameters ({@code ?1..?19} in {@link #COLUMNS} order, {@code ?20} its speed,
     * {@code ?21} its source file); the stored copy's speed and file are looked up through its ids.
     */
    private static final String INCOMING_WINS = """
            ?11 > total_tokens
            OR (?11 = total_tokens AND (
                 ?12 < sidechain
              OR (?12 = sidechain AND (
                   (?20 <> '') > ((SELECT speed FROM contexts WHERE id = usage_events.context_id) <> '')
                OR ((?20 <> '') = ((SELECT speed FROM contexts WHERE id = usage_events.context_id) <> '') AND (
                     ?13 > stop_reason_set
                  OR (?13 = stop_reason_set AND (
                       ?21 < (SELECT source_file FROM sources WHERE id = usage_events.source_id)
                    OR (?21 = (SELECT source_file FROM sources WHERE id = usage_events.source_id)
                        AND ?14 < source_offset)))))))))""";

    private static final String INSERT = "INSERT OR IGNORE INTO usage_events (" + COLUMNS + ") VALUES ("
            + String.join(",", java.util.Collections.nCopies(STORED, "?")) + ")";

    /** Replaces the stored copy whole, only when the incoming copy wins. */
    private static final String REPLACE = replaceStatement();

    /** Statements per JDBC batch. */
    private static final int JDBC_BATCH = 1000;

    private static String replaceStatement() {
        String[] cols = COLUMNS.split(",\\s*");
        if (cols.length != STORED) {
            throw new IllegalStateException("expected " + STORED + " columns, have " + cols.length);
        }
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < cols.length; i++) {
            set.append(i == 0 ? "" : ", ").append(cols[i]).append(" = ?").append(i + 1);
        }
        return "UPDATE usage_events SET " + set + " WHERE key_hash = ?19 AND message_id = ?1 AND request_id = ?2"
                + " AND (" + INCOMING_WINS + ")";
    }

    /** The key held by a slot. */
    private static final String KEY_AT = "SELECT message_id, request_id FROM usage_events WHERE key_hash = ?";

    private final Connection conn;
    private final String priceVersion;
    private final KeySlots slots;

    UsageEventTable(Connection conn, String priceVersion, KeySlots slots) {
        this.conn = conn;
        this.priceVersion = priceVersion;
        this.slots = slots;
    }

    /**
     * Inserts new keys; for keys already stored, replaces the row only when the incoming copy wins. Each record
     * is first inserted at its key's first slot (nearly always free: one statement per record, in JDBC batches);
     * a record that finds it taken is either a copy of a stored key, then replaced when it wins, or a key whose
     * hash another holds, then the next slots are tried ({@link KeySlots}). Inserted records join the hour summary
     * ({@link UsageHours}) and the session summary ({@link UsageSessions}) through one grouping of them per batch
     * ({@link InsertedSums}), before any replacement can update them.
     *
     * @return {inserted, replaced}
     */
    long[] upsert(List<UsageRecord> batch, long seq, DimensionTable sources, DimensionTable contexts)
            throws SQLException {
        // Not sorted by key first: on 117k records that cost more (0.1 s under the quick JIT tier) than the index
        // saved by being written in order.
        List<UsageRecord> taken = new ArrayList<>();
        long inserted = 0;
        long before = UsageHours.lastRowid(conn);
        try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
            for (int from = 0; from < batch.size(); from += JDBC_BATCH) {
                List<UsageRecord> chunk = batch.subList(from, Math.min(batch.size(), from + JDBC_BATCH));
                for (UsageRecord r : chunk) {
                    bind(ps, r, seq, sources, contexts, slots.first(r.key().messageId(), r.key().requestId()));
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        inserted++;
                    } else {
                        taken.add(chunk.get(i));
                    }
                }
            }
        }
        if (inserted > 0) {
            InsertedSums.addAfter(conn, before);
        }
        long replaced = 0;
        if (!taken.isEmpty()) {
            try (PreparedStatement insert = conn.prepareStatement(INSERT);
                    PreparedStatement replace = conn.prepareStatement(REPLACE);
                    PreparedStatement keyAt = conn.prepareStatement(KEY_AT)) {
                for (UsageRecord r : taken) {
                    long slot = slots.first(r.key().messageId(), r.key().requestId());
                    Slot holds;
                    while ((holds = holder(keyAt, slot, r)) == Slot.ANOTHER_KEY) {
                        slot = KeySlots.next(slot);
                    }
                    if (holds == Slot.FREE) { // the key is new; its hash was another's
                        long last = UsageHours.lastRowid(conn);
                        bind(insert, r, seq, sources, contexts, slot);
                        inserted += insert.executeUpdate();
                        InsertedSums.addAfter(conn, last);
                    } else {
                        bind(replace, r, seq, sources, contexts, slot);
                        replace.setString(STORED + 1, r.speed());
                        replace.setString(STORED + 2, r.sourceFile());
                        replaced += replace.executeUpdate();
                    }
                }
            }
        }
        return new long[] {inserted, replaced};
    }

    /** What a slot holds, seen from one record. */
    private enum Slot { FREE, THIS_KEY, ANOTHER_KEY }

    private static Slot holder(PreparedStatement keyAt, long slot, UsageRecord r) throws SQLException {
        keyAt.setLong(1, slot);
        try (ResultSet rs = keyAt.executeQuery()) {
            if (!rs.next()) {
                return Slot.FREE;
            }
            return rs.getString(1).equals(r.key().messageId()) && rs.getString(2).equals(r.key().requestId())
                    ? Slot.THIS_KEY : Slot.ANOTHER_KEY;
        }
    }

    private void bind(PreparedStatement ps, UsageRecord r, long seq, DimensionTable sources,
            DimensionTable contexts, long slot) throws SQLException {
        TokenCounts t = r.tokens();
        int i = 1;
        ps.setString(i++, r.key().messageId());
        ps.setString(i++, r.key().requestId());
        ps.setLong(i++, contexts.idOf(r));
        ps.setLong(i++, sources.idOf(r));
        ps.setLong(i++, r.timestamp().toEpochMilli());
        ps.setLong(i++, t.input());
        ps.setLong(i++, t.output());
        ps.setLong(i++, t.cacheWrite5m());
        ps.setLong(i++, t.cacheWrite1h());
        ps.setLong(i++, t.cacheRead());
        ps.setLong(i++, t.total());
        ps.setInt(i++, r.sidechain() ? 1 : 0);
        ps.setInt(i++, r.stopReasonSet() ? 1 : 0);
        ps.setLong(i++, r.sourceOffset());
        ps.setDouble(i++, r.costUsd());
        ps.setString(i++, r.costSource().code());
        ps.setString(i++, r.costSource() == CostSource.PRICE_TABLE ? priceVersion : "");
        ps.setLong(i++, seq);
        ps.setLong(i, slot);
    }

    /** A record from a row selected with {@link #SELECT}, in that order, its text read through {@code text}. */
    static UsageRecord read(ResultSet rs, RowText text) throws SQLException {
        return new UsageRecord(new UsageKey(text.get(rs, 1), text.get(rs, 2)), text.get(rs, 3), text.get(rs, 4),
                text.get(rs, 5), Instant.ofEpochMilli(rs.getLong(6)), text.get(rs, 7),
                new TokenCounts(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)),
                text.get(rs, 14), text.get(rs, 15), text.get(rs, 16), rs.getInt(17) != 0, text.get(rs, 18),
                rs.getInt(19) != 0, text.get(rs, 20), text.get(rs, 21), rs.getLong(22), rs.getDouble(23),
                CostSource.ofCode(text.get(rs, 24)));
    }

    /** A record's reported part from a row selected with {@link #SELECT_REPORTED}. */
    static ReportedUsage readReported(ResultSet rs, RowText text) throws SQLException {
        return new ReportedUsage(Instant.ofEpochMilli(rs.getLong(1)), text.get(rs, 2), text.get(rs, 3),
                text.get(rs, 4), text.get(rs, 5),
                new TokenCounts(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                rs.getDouble(11), CostSource.ofCode(text.get(rs, 12)), "fast".equals(text.get(rs, 13)));
    }
}
