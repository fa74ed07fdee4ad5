package dev.cctelemetry.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's versioned schema ({@code PRAGMA user_version}). Migrations only add; an older ledger opens and
 * upgrades, a newer one is refused instead of being corrupted.
 */
final class LedgerSchema {

    /** The schema version this build writes. */
    static final int CURRENT = 4;

    private static final List<List<String>> MIGRATIONS = List.of(
            // version 1
            List.of(
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
                    "INSERT INTO ledger_meta(key, value) VALUES ('change_seq', '0')"),
            // version 2: the push outbox's mark (records up to this change_seq are in the remote store) and the
            // store it refers to, so that pointing at a new store pushes the whole history again.
            List.of(
                    "INSERT OR IGNORE INTO ledger_meta(key, value) VALUES ('pushed_seq', '0')",
                    "INSERT OR IGNORE INTO ledger_meta(key, value) VALUES ('pushed_target', '')"),
            // version 3: where a record was read (config root, file, project folder: 180 bytes on average, the
            // same for every record of a file) moves to its own table, so rows are a third narrower and a first
            // sync writes a third less. Copied whole, nothing lost: every distinct triple gets its row.
            List.of(
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
                            + " WHERE cost_source IN ('unpriced', 'cost_state')"),
            // version 4: the text a record shares with the others of its session (session id, model, working
            // directory, speed, service tier, Claude Code version, agent id) moves to its own table: rows hold
            // two ids and numbers, a first sync binds and writes a fraction of the text (500 MiB of transcripts:
            // ledger 37 MB -> 24 MB). Copied whole, nothing lost: every distinct tuple gets its row.
            List.of(
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
                      change_seq      INTEGER NOT NULL
                    )""",
                    "INSERT INTO usage_events_v4 SELECT e.message_id, e.request_id, c.id, e.source_id, e.ts, e.input,"
                            + " e.output, e.cache_write_5m, e.cache_write_1h, e.cache_read, e.total_tokens,"
                            + " e.sidechain, e.stop_reason_set, e.source_offset, e.cost_usd, e.cost_source,"
                            + " e.price_version, e.change_seq FROM usage_events e JOIN contexts c"
                            + " ON c.session_id = e.session_id AND c.model = e.model AND c.cwd = e.cwd"
                            + " AND c.speed = e.speed AND c.service_tier = e.service_tier AND c.version = e.version"
                            + " AND c.agent_id = e.agent_id ORDER BY e.rowid",
                    "DROP TABLE usage_events",
                    "ALTER TABLE usage_events_v4 RENAME TO usage_events",
                    "CREATE UNIQUE INDEX usage_events_key ON usage_events(message_id, request_id)",
                    "CREATE INDEX usage_events_change ON usage_events(change_seq)",
                    "CREATE INDEX usage_events_costless ON usage_events(context_id)"
                            + " WHERE cost_source IN ('unpriced', 'cost_state')"));

    private LedgerSchema() {
    }

    /** The statements that create a ledger of {@code version} (not the later ones), for tests that upgrade one. */
    static List<String> statementsThrough(int version) {
        return MIGRATIONS.subList(0, version).stream().flatMap(List::stream).toList();
    }

    /**
     * Brings the schema to {@link #CURRENT}; refuses a ledger from a newer version. The version is read again
     * inside a write transaction, so processes opening a new ledger at the same moment migrate it once.
     */
    static void migrate(Connection c) throws SQLException {
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
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
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
