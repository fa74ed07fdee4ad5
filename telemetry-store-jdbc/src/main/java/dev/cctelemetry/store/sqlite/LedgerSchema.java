package dev.cctelemetry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.Function;

/**
 * The ledger's versioned schema ({@code PRAGMA user_version}). Migrations only add; an older ledger opens and
 * upgrades, a newer one is refused instead of being corrupted.
 */
final class LedgerSchema {

    /** The schema version this build writes. */
    static final int CURRENT = 10;

    private static final List<Migration> MIGRATIONS = List.of(
            // version 1
            new SqlMigration(List.of(
                    """
                    CREATE TABLE usage_events (
                      message_id      TEXT    NOT NULL,
                      request_id      TEXT    NOT NULL DEFAULT '',
                      session_id      TEXT    NOT NULL,
                      project_dir     TEXT    NOT NULL,
                      cwd             TEXT    NOT NULL,
                      ts              INTEGER NOT NULL,
                      model           TEXT    NOT NULL,
                      input           INTEGER NOT NULL,
                      output          INTEGER NOT NULL,
                      cache_write_5m  INTEGER NOT NULL,
                      cache_write_1h  INTEGER NOT NULL,
                      cache_read      INTEGER NOT NULL,
                      total_tokens    INTEGER NOT NULL,
                      speed           TEXT    NOT NULL,
                      service_tier    TEXT    NOT NULL,
                      version         TEXT    NOT NULL,
                      sidechain       INTEGER NOT NULL,
                      agent_id        TEXT    NOT NULL,
                      stop_reason_set INTEGER NOT NULL,
                      config_root     TEXT    NOT NULL,
                      source_file     TEXT    NOT NULL,
                      source_offset   INTEGER NOT NULL,
                      cost_usd        REAL    NOT NULL,
                      cost_source     TEXT    NOT NULL,
                      price_version   TEXT    NOT NULL,
                      change_seq      INTEGER NOT NULL
                    )""",
                    // A rowid table with a unique key index: rows are wide (paths), which WITHOUT ROWID handles
                    // badly; measured 2x faster bulk inserts.
                    "CREATE UNIQUE INDEX usage_events_key ON usage_events(message_id, request_id)",
                    // No index on ts: reports read the whole table (a scan and one sort beat an index walk with a
                    // row lookup each), and every insert of a first sync would pay for it.
                    "CREATE INDEX usage_events_change ON usage_events(change_seq)",
                    // Only records still waiting for a cost-state spread need finding by session and model.
                    "CREATE INDEX usage_events_costless ON usage_events(session_id, model)"
                            + " WHERE cost_source IN ('unpriced', 'cost_state')",
                    """
                    CREATE TABLE file_checkpoints (
                      path            TEXT    PRIMARY KEY,
                      file_key        TEXT    NOT NULL,
                      size            INTEGER NOT NULL,
                      modified_millis INTEGER NOT NULL,
                      read_offset     INTEGER NOT NULL,
                      head_hash       INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE cost_states (
                      session_id      TEXT    NOT NULL,
                      model           TEXT    NOT NULL,
                      cost_usd        REAL    NOT NULL,
                      input           INTEGER NOT NULL,
                      output          INTEGER NOT NULL,
                      cache_write_5m  INTEGER NOT NULL,
                      cache_write_1h  INTEGER NOT NULL,
                      cache_read      INTEGER NOT NULL,
                      source_file     TEXT    NOT NULL,
                      source_offset   INTEGER NOT NULL,
                      PRIMARY KEY (session_id, model)
                    )""",
                    "CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "INSERT INTO ledger_meta(key, value) VALUES ('change_seq', '0')")),
            // version 2: the push outbox's mark (records up to this change_seq are in the remote store) and the
            // store it refers to, so that pointing at a new store pushes the whole history again.
            new SqlMigration(List.of(
                    "INSERT OR IGNORE INTO ledger_meta(key, value) VALUES ('pushed_seq', '0')",
                    "INSERT OR IGNORE INTO ledger_meta(key, value) VALUES ('pushed_target', '')")),
            // version 3: where a record was read (config root, file, project folder: 180 bytes on average, the
            // same for every record of a file) moves to its own table, so rows are a third narrower and a first
            // sync writes a third less. Copied whole, nothing lost: every distinct triple gets its row.
            new SqlMigration(List.of(
                    """
                    CREATE TABLE sources (
                      id              INTEGER PRIMARY KEY,
                      config_root     TEXT    NOT NULL,
                      source_file     TEXT    NOT NULL,
                      project_dir     TEXT    NOT NULL,
                      UNIQUE (source_file, config_root, project_dir)
                    )""",
                    "INSERT INTO sources (config_root, source_file, project_dir)"
                            + " SELECT DISTINCT config_root, source_file, project_dir FROM usage_events"
                            + " ORDER BY source_file, config_root, project_dir",
                    """
                    CREATE TABLE usage_events_v3 (
                      message_id      TEXT    NOT NULL,
                      request_id      TEXT    NOT NULL DEFAULT '',
                      session_id      TEXT    NOT NULL,
                      source_id       INTEGER NOT NULL REFERENCES sources(id),
                      cwd             TEXT    NOT NULL,
                      ts              INTEGER NOT NULL,
                      model           TEXT    NOT NULL,
                      input           INTEGER NOT NULL,
                      output          INTEGER NOT NULL,
                      cache_write_5m  INTEGER NOT NULL,
                      cache_write_1h  INTEGER NOT NULL,
                      cache_read      INTEGER NOT NULL,
                      total_tokens    INTEGER NOT NULL,
                      speed           TEXT    NOT NULL,
                      service_tier    TEXT    NOT NULL,
                      version         TEXT    NOT NULL,
                      sidechain       INTEGER NOT NULL,
                      agent_id        TEXT    NOT NULL,
                      stop_reason_set INTEGER NOT NULL,
                      source_offset   INTEGER NOT NULL,
                      cost_usd        REAL    NOT NULL,
                      cost_source     TEXT    NOT NULL,
                      price_version   TEXT    NOT NULL,
                      change_seq      INTEGER NOT NULL
                    )""",
                    "INSERT INTO usage_events_v3 SELECT e.message_id, e.request_id, e.session_id, s.id, e.cwd, e.ts,"
                            + " e.model, e.input, e.output, e.cache_write_5m, e.cache_write_1h, e.cache_read,"
                            + " e.total_tokens, e.speed, e.service_tier, e.version, e.sidechain, e.agent_id,"
                            + " e.stop_reason_set, e.source_offset, e.cost_usd, e.cost_source, e.price_version,"
                            + " e.change_seq FROM usage_events e JOIN sources s ON s.source_file = e.source_file"
                            + " AND s.config_root = e.config_root AND s.project_dir = e.project_dir ORDER BY e.rowid",
                    "DROP TABLE usage_events",
                    "ALTER TABLE usage_events_v3 RENAME TO usage_events",
                    "CREATE UNIQUE INDEX usage_events_key ON usage_events(message_id, request_id)",
                    "CREATE INDEX usage_events_change ON usage_events(change_seq)",
                    "CREATE INDEX usage_events_costless ON usage_events(session_id, model)"
                            + " WHERE cost_source IN ('unpriced', 'cost_state')")),
            // version 4: the text a record shares with the others of its session (session id, model, working
            // directory, speed, service tier, Claude Code version, agent id) moves to its own table, and the unique
            // index holds each key's 64-bit slot (KeySlots) instead of its two ids: rows hold ids and numbers, and a
            // first sync writes a fraction of the text and index (500 MiB of transcripts: ledger 37 MB -> 18 MB).
            // Copied whole, nothing lost: every distinct tuple gets its row, every key a slot of its own.
            new VersionFour(),
            // version 5: plan-limit readings (one row per change of a window, as the statusline saw it; the id is
            // the push outbox's order) and alerts (each key raised once, per channel one delivery with its
            // attempts), so that a threshold fires once across processes and restarts.
            new SqlMigration(List.of(
                    """
                    CREATE TABLE plan_limit_readings (
                      id              INTEGER PRIMARY KEY,
                      limit_window    TEXT    NOT NULL,
                      used_percentage REAL    NOT NULL,
                      resets_at       INTEGER NOT NULL,
                      seen_at         INTEGER NOT NULL,
                      session_id      TEXT    NOT NULL
                    )""",
                    "CREATE INDEX plan_limit_readings_window ON plan_limit_readings(limit_window, seen_at)",
                    "CREATE INDEX plan_limit_readings_seen ON plan_limit_readings(seen_at)",
                    """
                    CREATE TABLE alerts (
                      alert_key       TEXT    PRIMARY KEY,
                      subject         TEXT    NOT NULL,
                      threshold       INTEGER NOT NULL,
                      title           TEXT    NOT NULL,
                      message         TEXT    NOT NULL,
                      raised_at       INTEGER NOT NULL
                    )""",
                    "CREATE INDEX alerts_raised ON alerts(raised_at)",
                    """
                    CREATE TABLE alert_deliveries (
                      alert_key       TEXT    NOT NULL REFERENCES alerts(alert_key),
                      channel         TEXT    NOT NULL,
                      state           TEXT    NOT NULL,
                      attempts        INTEGER NOT NULL DEFAULT 0,
                      last_attempt_at INTEGER,
                      last_error      TEXT    NOT NULL DEFAULT '',
                      PRIMARY KEY (alert_key, channel)
                    )""",
                    "INSERT OR IGNORE INTO ledger_meta(key, value) VALUES ('readings_pushed_id', '0')",
                    "INSERT OR IGNORE INTO ledger_meta(key, value) VALUES ('readings_pushed_target', '')")),
            // version 6: a checkpoint short of its file's size now means "the tail past it was read and is an
            // unfinished line", which a sync skips until the file changes. Before, it could also mean "read in part"
            // (a huge file whose sync was killed between parts): such rows forget the size they saw, so the next sync
            // reads on from their offset once.
            new SqlMigration(List.of("UPDATE file_checkpoints SET size = read_offset WHERE read_offset < size")),
            // version 7: records pre-summed per quarter hour (usage_quarters), kept by triggers, and an index on
            // time. Version 8 replaces that summary, so a ledger upgraded past 7 only gets the index here.
            new SqlMigration(List.of("CREATE INDEX IF NOT EXISTS usage_events_ts ON usage_events(ts)")),
            // version 8: records pre-summed per session and hour (UsageHours) instead of per quarter hour and
            // context: a quarter of the rows, text in place, the commit adding its inserts in one statement.
            new SqlMigration(UsageHours.migration()),
            // version 9: requests pre-summed per session (UsageSessions), which the sessions list reads in key order
            // instead of regrouping the hour summary.
            new SqlMigration(UsageSessions.migration()),
            // version 10: the hour summary summed again without session, project and working directory
            // (UsageSlots), kept by triggers on it: totals, periods and models over a whole history without a sort.
            new SqlMigration(UsageSlots.migration()));

    private LedgerSchema() {
    }

    /** One version's changes, run inside the migration's transaction. */
    private interface Migration {
        void apply(Connection c, KeySlots slots) throws SQLException;
    }

    /** A migration that is SQL statements only. */
    private record SqlMigration(List<String> statements) implements Migration {
        @Override
        public void apply(Connection c, KeySlots slots) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }
    }

    /** Version 4: contexts, and key slots (computed in Java: they are {@link KeySlots}'s hash). */
    private static final class VersionFour implements Migration {

        private static final String SLOT_FUNCTION = "cct_key_slot";

        private static final List<String> BEFORE = List.of(
                """
                CREATE TABLE contexts (
                  id              INTEGER PRIMARY KEY,
                  session_id      TEXT    NOT NULL,
                  model           TEXT    NOT NULL,
                  cwd             TEXT    NOT NULL,
                  speed           TEXT    NOT NULL,
                  service_tier    TEXT    NOT NULL,
                  version         TEXT    NOT NULL,
                  agent_id        TEXT    NOT NULL,
                  UNIQUE (session_id, model, cwd, speed, service_tier, version, agent_id)
                )""",
                "INSERT INTO contexts (session_id, model, cwd, speed, service_tier, version, agent_id)"
                        + " SELECT DISTINCT session_id, model, cwd, speed, service_tier, version, agent_id"
                        + " FROM usage_events ORDER BY 1, 2, 3, 4, 5, 6, 7",
                """
                CREATE TABLE usage_events_v4 (
                  message_id      TEXT    NOT NULL,
                  request_id      TEXT    NOT NULL DEFAULT '',
                  context_id      INTEGER NOT NULL REFERENCES contexts(id),
                  source_id       INTEGER NOT NULL REFERENCES sources(id),
                  ts              INTEGER NOT NULL,
                  input           INTEGER NOT NULL,
                  output          INTEGER NOT NULL,
                  cache_write_5m  INTEGER NOT NULL,
                  cache_write_1h  INTEGER NOT NULL,
                  cache_read      INTEGER NOT NULL,
                  total_tokens    INTEGER NOT NULL,
                  sidechain       INTEGER NOT NULL,
                  stop_reason_set INTEGER NOT NULL,
                  source_offset   INTEGER NOT NULL,
                  cost_usd        REAL    NOT NULL,
                  cost_source     TEXT    NOT NULL,
                  price_version   TEXT    NOT NULL,
                  change_seq      INTEGER NOT NULL,
                  key_hash        INTEGER NOT NULL
                )""",
                "INSERT INTO usage_events_v4 SELECT e.message_id, e.request_id, c.id, e.source_id, e.ts, e.input,"
                        + " e.output, e.cache_write_5m, e.cache_write_1h, e.cache_read, e.total_tokens,"
                        + " e.sidechain, e.stop_reason_set, e.source_offset, e.cost_usd, e.cost_source,"
                        + " e.price_version, e.change_seq, " + SLOT_FUNCTION + "(e.message_id, e.request_id)"
                        + " FROM usage_events e JOIN contexts c"
                        + " ON c.session_id = e.session_id AND c.model = e.model AND c.cwd = e.cwd"
                        + " AND c.speed = e.speed AND c.service_tier = e.service_tier AND c.version = e.version"
                        + " AND c.agent_id = e.agent_id ORDER BY e.rowid",
                // For settling keys that share a first slot, below; the unique index comes after.
                "CREATE INDEX usage_events_v4_slot ON usage_events_v4(key_hash)");

        private static final List<String> AFTER = List.of(
                "DROP INDEX usage_events_v4_slot",
                "DROP TABLE usage_events",
                "ALTER TABLE usage_events_v4 RENAME TO usage_events",
                "CREATE UNIQUE INDEX usage_events_key ON usage_events(key_hash)",
                "CREATE INDEX usage_events_change ON usage_events(change_seq)",
                "CREATE INDEX usage_events_costless ON usage_events(context_id)"
                        + " WHERE cost_source IN ('unpriced', 'cost_state')");

        @Override
        public void apply(Connection c, KeySlots slots) throws SQLException {
            Function.create(c, SLOT_FUNCTION, new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(slots.first(value_text(0), value_text(1)));
                }
            });
            try {
                new SqlMigration(BEFORE).apply(c, slots);
            } finally {
                Function.destroy(c, SLOT_FUNCTION);
            }
            settleSharedSlots(c);
            new SqlMigration(AFTER).apply(c, slots);
        }

        /**
         * Keys whose first slots clash (two keys, one hash): the first row keeps it, each other moves to the next
         * free slot after it, which is where a lookup probing from that hash finds it.
         */
        private static void settleSharedSlots(Connection c) throws SQLException {
            List<Long> shared = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT key_hash FROM usage_events_v4 GROUP BY key_hash HAVING COUNT(*) > 1")) {
                while (rs.next()) {
                    shared.add(rs.getLong(1));
                }
            }
            try (PreparedStatement rows = c.prepareStatement(
                            "SELECT rowid FROM usage_events_v4 WHERE key_hash = ? ORDER BY rowid");
                    PreparedStatement taken = c.prepareStatement("SELECT 1 FROM usage_events_v4 WHERE key_hash = ?");
                    PreparedStatement move = c.prepareStatement(
                            "UPDATE usage_events_v4 SET key_hash = ? WHERE rowid = ?")) {
                for (long slot : shared) {
                    List<Long> rowids = new ArrayList<>();
                    rows.setLong(1, slot);
                    try (ResultSet rs = rows.executeQuery()) {
                        while (rs.next()) {
                            rowids.add(rs.getLong(1));
                        }
                    }
                    for (long rowid : rowids.subList(1, rowids.size())) {
                        long free = KeySlots.next(slot);
                        while (isTaken(taken, free)) {
                            free = KeySlots.next(free);
                        }
                        move.setLong(1, free);
                        move.setLong(2, rowid);
                        move.executeUpdate();
                    }
                }
            }
        }

        private static boolean isTaken(PreparedStatement taken, long slot) throws SQLException {
            taken.setLong(1, slot);
            try (ResultSet rs = taken.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The statements that create a ledger of {@code version} (not the later ones), for tests that upgrade one;
     * versions up to 3, which are SQL only.
     */
    static List<String> statementsThrough(int version) {
        List<String> out = new ArrayList<>();
        for (Migration m : MIGRATIONS.subList(0, version)) {
            out.addAll(((SqlMigration) m).statements());
        }
        return out;
    }

    /**
     * Brings the schema to {@link #CURRENT}; refuses a ledger from a newer version. The version is read again
     * inside a write transaction, so processes opening a new ledger at the same moment migrate it once.
     */
    static void migrate(Connection c, KeySlots slots) throws SQLException {
        if (readVersion(c) == CURRENT) {
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false); // BEGIN IMMEDIATE (see SqliteLedger.open): the write lock comes first
        try (Statement s = c.createStatement()) {
            int version = readVersion(c);
            if (version > CURRENT) {
                throw new LedgerVersionException(version, CURRENT);
            }
            for (int v = version; v < CURRENT; v++) {
                MIGRATIONS.get(v).apply(c, slots);
            }
            s.execute("PRAGMA user_version = " + CURRENT);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static int readVersion(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > CURRENT) {
            throw new LedgerVersionException(version, CURRENT);
        }
        return version;
    }
}
