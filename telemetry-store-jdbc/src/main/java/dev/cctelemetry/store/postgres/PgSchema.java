package dev.cctelemetry.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote schema and its migrations. Version {@code n} is reached by running the statements of
 * {@link #MIGRATIONS}{@code [n-1]} once. Migrating runs under a transaction-scoped advisory lock, so machines
 * that connect for the first time at once migrate one after the other and the later ones find nothing to do;
 * a transaction-scoped lock (unlike a session lock) also works through transaction-mode poolers.
 * Only PostgreSQL 12 features: no MERGE, no {@code NULLS NOT DISTINCT}.
 */
final class PgSchema {

    private static final Logger log = LoggerFactory.getLogger(PgSchema.class);

    /** First key of the advisory lock: "cct0" in ASCII, so other applications' locks do not collide. */
    private static final int LOCK_NAMESPACE = 0x63637430;

    /** Statements of each version, in order. Released versions are never edited: add a new one. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE machines (
                machine_id text PRIMARY KEY,
                name text NOT NULL,
                os text NOT NULL,
                last_push timestamptz NOT NULL)""",
            """
            CREATE TABLE sessions (
                machine_id text NOT NULL,
                session_id text NOT NULL,
                project_dir text NOT NULL DEFAULT '',
                cwd text NOT NULL DEFAULT '',
                first_activity timestamptz,
                last_activity timestamptz,
                end_reason text,
                PRIMARY KEY (machine_id, session_id))""",
            // Keys and source_file use the C collation (UTF-8 byte order = code point order), not the server's
            // locale, so the winner rule orders paths like Java's String.compareTo. The two differ only
            // between a supplementary character and one in U+E000..U+FFFF at the first difference.
            """
            CREATE TABLE usage_events (
                message_id text COLLATE "C" NOT NULL,
                request_id text COLLATE "C" NOT NULL DEFAULT '',
                machine_id text NOT NULL,
                session_id text NOT NULL,
                project_dir text NOT NULL,
                cwd text NOT NULL,
                ts timestamptz NOT NULL,
                model text NOT NULL,
                input bigint NOT NULL,
                output bigint NOT NULL,
                cache_write_5m bigint NOT NULL,
                cache_write_1h bigint NOT NULL,
                cache_read bigint NOT NULL,
                speed text NOT NULL,
                service_tier text NOT NULL,
                version text NOT NULL,
                sidechain boolean NOT NULL,
                agent_id text NOT NULL,
                stop_reason_set boolean NOT NULL,
                config_root text NOT NULL,
                source_file text COLLATE "C" NOT NULL,
                source_offset bigint NOT NULL,
                cost_usd double precision NOT NULL,
                cost_source text NOT NULL,
                PRIMARY KEY (message_id, request_id))""",
            "CREATE INDEX usage_events_ts ON usage_events (ts)",
            "CREATE INDEX usage_events_machine_ts ON usage_events (machine_id, ts)"),
            // version 2: plan-limit readings of every machine (one row per change of a window on that machine);
            // a reading never changes, so a repeated push inserts nothing.
            List.of(
                    """
                    CREATE TABLE plan_limit_readings (
                        machine_id text NOT NULL,
                        limit_window text NOT NULL,
                        seen_at timestamptz NOT NULL,
                        used_percentage double precision NOT NULL,
                        resets_at timestamptz NOT NULL,
                        session_id text NOT NULL,
                        PRIMARY KEY (machine_id, limit_window, seen_at))""",
                    "CREATE INDEX plan_limit_readings_seen ON plan_limit_readings (seen_at)"),
            // version 3: every machine's records summed per machine, session and hour slot, kept by triggers.
            RemoteUsageHours.migration(),
            // version 4: the requests summed per machine and session (the sessions list), kept by the same triggers.
            RemoteUsageHours.sessionsMigration());

    /** The version this code writes and reads. */
    static final int CURRENT = MIGRATIONS.size();

    private final String schema;

    /** @param schema schema to keep the tables in, "" for the search path's first */
    PgSchema(String schema) {
        this.schema = schema;
    }

    /**
     * Brings the schema to {@link #CURRENT} inside the connection's current transaction (which the caller
     * commits), returning the version found before.
     *
     * @throws SchemaTooNewException when another machine already migrated past what this code knows
     */
    int migrate(Connection connection) throws SQLException {
        OptionalInt seen = installedVersion(connection);
        if (seen.isPresent() && seen.getAsInt() >= CURRENT) {
            return checked(seen.getAsInt());
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setString(2, schema);
            lock.execute();
        }
        try (Statement st = connection.createStatement()) {
            if (!schema.isEmpty()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            st.execute("CREATE TABLE IF NOT EXISTS cct_schema (version integer NOT NULL)");
        }
        // Read again under the lock: another machine may have migrated while we waited.
        int before = checked(installedVersion(connection).orElse(0));
        if (before == CURRENT) {
            return before;
        }
        // A migration may sum a big store's records once (version 3: minutes for 10M records on a busy server): the
        // push's statement timeout and the socket's read timeout that backs it up are for pushes.
        int networkTimeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, 0);
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL statement_timeout = 0");
            for (int v = before + 1; v <= CURRENT; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    st.execute(sql);
                }
            }
            st.execute("DELETE FROM cct_schema");
            st.execute("INSERT INTO cct_schema (version) VALUES (" + CURRENT + ")");
            log.info("remote schema migrated from version {} to {}", before, CURRENT);
        } finally {
            connection.setNetworkTimeout(Runnable::run, networkTimeout);
        }
        return before;
    }

    /** The stored version, empty when the version table does not exist yet. */
    OptionalInt installedVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('cct_schema') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return OptionalInt.empty();
            }
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM cct_schema")) {
            rs.next();
            return OptionalInt.of(rs.getInt(1));
        }
    }

    private static int checked(int version) {
        if (version > CURRENT) {
            throw new SchemaTooNewException(version);
        }
        return version;
    }

    /** The remote schema is newer than this code; an upgrade of cc-telemetry is needed. */
    static final class SchemaTooNewException extends RuntimeException {
        private final int version;

        SchemaTooNewException(int version) {
            super("remote schema version " + version + " is newer than this cc-telemetry supports (" + CURRENT
                    + "); upgrade cc-telemetry");
            this.version = version;
        }

        int version() {
            return version;
        }
    }
}
