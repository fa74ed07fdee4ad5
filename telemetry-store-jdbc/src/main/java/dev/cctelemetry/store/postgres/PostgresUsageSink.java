package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.port.out.PlanLimitSink;
import dev.cctelemetry.core.port.out.RemoteMachine;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.RemoteStoreException.Reason;
import dev.cctelemetry.core.port.out.RemoteUsageRow;
import dev.cctelemetry.core.port.out.SessionEnd;
import dev.cctelemetry.core.port.out.UsageQueries;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import dev.cctelemetry.store.query.SqlRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UsageSink} over PostgreSQL 12+ with the official driver. Opens one connection on first use (migrating
 * the schema then) and keeps it until {@link #close()}; a broken connection is dropped and reopened by the next
 * call. Each push is one transaction: upsert the machine, COPY the batch (reduced to one copy per key with
 * {@link WinnerRule}) into a temporary staging table, one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE
 * ... WHERE incoming wins}, then the sessions. Thread-safe (calls are serialised).
 */
public final class PostgresUsageSink implements UsageSink, PlanLimitSink {

    private static final Logger log = LoggerFactory.getLogger(PostgresUsageSink.class);

    /** Deadlocks and serialisation failures between concurrent pushes are retried this many times. */
    private static final int ATTEMPTS = 3;
    private static final int COPY_BUFFER = 1 << 16;
    private static final int FETCH_SIZE = 2_000;

    private final PostgresSettings settings;
    private final PgEndpoint endpoint;
    private final PgErrors errors;
    private final PgSchema schema;
    private final org.postgresql.Driver driver = new org.postgresql.Driver();
    private Connection connection;

    /**
     * Creates the sink; does not connect yet.
     *
     * @throws RemoteStoreException with {@link Reason#CONFIGURATION} when the URL cannot be parsed
     */
    public PostgresUsageSink(PostgresSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        try {
            this.endpoint = PgEndpoint.parse(settings.url());
        } catch (IllegalArgumentException e) {
            throw new RemoteStoreException(Reason.CONFIGURATION, "PostgreSQL: " + e.getMessage(), null);
        }
        this.errors = new PgErrors(endpoint, settings.user(), settings.password());
        this.schema = new PgSchema(settings.schema());
    }

    /**
     * Connects and migrates the schema now rather than on the first push (for {@code doctor} and setup).
     *
     * @return the schema version found before migrating (0 for an empty database); {@link #schemaVersion()} when
     *     this sink was already connected
     * @throws RemoteStoreException when the store cannot be reached or migrated
     */
    public synchronized int open() {
        if (connection != null) {
            return PgSchema.CURRENT;
        }
        return connect();
    }

    /** The schema version this code writes. */
    public static int schemaVersion() {
        return PgSchema.CURRENT;
    }

    @Override
    public synchronized void push(MachineIdentity machine, List<UsageRecord> records, List<SessionEnd> sessionEnds) {
        Objects.requireNonNull(machine, "machine is null");
        List<UsageRecord> winners = winnersByKey(records);
        List<SessionRollup> sessions = SessionRollup.of(records, sessionEnds);
        for (int attempt = 1; ; attempt++) {
            Connection c = connection();
            try {
                long started = System.nanoTime();
                begin(c);
                upsertMachine(c, machine);
                long written = winners.isEmpty() ? 0 : upsertRecords(c, machine.machineId(), winners);
                upsertSessions(c, machine.machineId(), sessions);
                c.commit();
                log.debug("pushed {} records ({} written) and {} sessions to {} in {} ms", winners.size(), written,
                        sessions.size(), endpoint.hostPort(), Duration.ofNanos(System.nanoTime() - started).toMillis());
                return;
            } catch (SQLException e) {
                rollbackQuietly(c);
                String state = String.valueOf(e.getSQLState());
                boolean retryable = state.equals("40P01") || state.equals("40001");
                if (retryable && attempt < ATTEMPTS) {
                    log.debug("push hit {} on attempt {}; retrying", state, attempt);
                    continue;
                }
                throw failed(e);
            } catch (UncheckedIOException e) {
                rollbackQuietly(c);
                dropConnection();
                throw new RemoteStoreException(Reason.CONNECTION_LOST, "PostgreSQL at " + endpoint.hostPort()
                        + ": connection lost during COPY (" + errors.scrub(e.getCause().getMessage()) + ")", null);
            }
        }
    }

    @Override
    public synchronized void pushReadings(MachineIdentity machine, List<PlanLimitReading> readings) {
        Objects.requireNonNull(machine, "machine is null");
        Connection c = connection();
        try {
            begin(c);
            upsertMachine(c, machine);
            PlanLimitReadingsSql.insert(c, machine.machineId(), readings);
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failed(e);
        }
    }

    @Override
    public synchronized List<MachineReading> remoteReadings(Optional<Instant> since, Optional<String> machine) {
        Objects.requireNonNull(since, "since is null");
        Objects.requireNonNull(machine, "machine is null");
        Connection c = connection();
        try {
            begin(c);
            List<MachineReading> out = PlanLimitReadingsSql.select(c, since, machine);
            c.commit();
            return out;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failed(e);
        }
    }

    @Override
    public synchronized void reportRecords(ReportFilter filter, Consumer<RemoteUsageRow> consumer) {
        Objects.requireNonNull(filter, "filter is null");
        Objects.requireNonNull(consumer, "consumer is null");
        StringBuilder sql = new StringBuilder("SELECT e.").append(String.join(", e.", UsageCsv.COLUMNS))
                .append(", coalesce(m.name, '') AS machine_name FROM usage_events e")
                .append(" LEFT JOIN machines m ON m.machine_id = e.machine_id WHERE true");
        List<Object> params = new ArrayList<>();
        filter.from().ifPresent(from -> {
            sql.append(" AND e.ts >= ?");
            params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        });
        filter.until().ifPresent(until -> {
            sql.append(" AND e.ts < ?");
            params.add(OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        });
        filter.machine().ifPresent(machine -> {
            sql.append(" AND (e.machine_id = ? OR m.name = ?)");
            params.add(machine);
            params.add(machine);
        });
        // The order every record source keeps (UsageRecordSource.ORDER); "C" compares paths byte by byte, as the
        // local ledger does, whatever the database's locale.
        sql.append(" ORDER BY e.ts, e.source_file COLLATE \"C\", e.source_offset");
        Connection c = connection();
        try {
            begin(c);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                // Inside a transaction the driver streams with a cursor instead of loading every row.
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(row(rs));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failed(e);
        }
    }

    /**
     * Every machine that ever pushed, by name.
     *
     * @throws RemoteStoreException when the store cannot be reached
     */
    @Override
    public synchronized List<RemoteMachine> machines() {
        Connection c = connection();
        try {
            begin(c);
            List<RemoteMachine> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT machine_id, name, os, last_push FROM machines ORDER BY name, machine_id")) {
                while (rs.next()) {
                    out.add(new RemoteMachine(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failed(e);
        }
    }

    /**
     * The aggregate queries over every machine's records in this store, answered by PostgreSQL on this sink's
     * connection (one thread at a time, as the sink), each in a transaction of its own; closing the sink ends
     * them.
     */
    @Override
    public UsageQueries queries() {
        return PostgresUsageQueries.over(this::read);
    }

    /** Runs read-only work in a transaction of its own (a {@link SqlRunner}). */
    private synchronized <T> T read(String what, SqlRunner.Work<T> work) {
        Connection c = connection();
        try {
            begin(c);
            T out = work.run(c);
            c.commit();
            return out;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failed(e);
        }
    }

    @Override
    public String describe() {
        String where = "postgresql://" + endpoint.hostPort() + "/" + endpoint.database();
        return settings.schema().isEmpty() ? where : where + " (schema " + settings.schema() + ")";
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }

    /** One copy per key, the one {@link WinnerRule} prefers, ordered by key. */
    static List<UsageRecord> winnersByKey(List<UsageRecord> records) {
        Map<UsageKey, UsageRecord> byKey = new HashMap<>(records.size() * 2);
        for (UsageRecord r : records) {
            byKey.merge(r.key(), r, WinnerRule::winner);
        }
        List<UsageRecord> winners = new ArrayList<>(byKey.values());
        winners.sort(Comparator.comparing((UsageRecord r) -> r.key().messageId())
                .thenComparing(r -> r.key().requestId()));
        return winners;
    }

    private long upsertRecords(Connection c, String machineId, List<UsageRecord> winners) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(UsageUpsertSql.CREATE_STAGE);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, UsageUpsertSql.COPY_STAGE, COPY_BUFFER);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), COPY_BUFFER)) {
            for (UsageRecord r : winners) {
                UsageCsv.write(out, machineId, r);
            }
        } catch (IOException e) {
            // A COPY that failed half-way (connection killed, server error) still holds the driver's connection
            // lock: without cancelling it, the rollback that follows would wait for that lock for ever.
            cancelQuietly(copy);
            // The driver wraps server errors during COPY (bad row, timeout) in IOException; unwrap them.
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new UncheckedIOException(e);
        }
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(UsageUpsertSql.UPSERT);
        }
    }

    private static void upsertMachine(Connection c, MachineIdentity machine) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UsageUpsertSql.UPSERT_MACHINE)) {
            ps.setString(1, machine.machineId());
            ps.setString(2, machine.name());
            ps.setString(3, machine.os());
            ps.executeUpdate();
        }
    }

    private static void upsertSessions(Connection c, String machineId, List<SessionRollup> sessions)
            throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UsageUpsertSql.UPSERT_SESSION)) {
            for (SessionRollup s : sessions) {
                ps.setString(1, machineId);
                ps.setString(2, s.sessionId());
                ps.setString(3, s.projectDir());
                ps.setString(4, s.cwd());
                ps.setObject(5, s.first().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(6, s.last().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(7, s.endReason().orElse(null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static RemoteUsageRow row(ResultSet rs) throws SQLException {
        UsageRecord record = new UsageRecord(
                new UsageKey(rs.getString("message_id"), rs.getString("request_id")),
                rs.getString("session_id"),
                rs.getString("project_dir"),
                rs.getString("cwd"),
                rs.getObject("ts", OffsetDateTime.class).toInstant(),
                rs.getString("model"),
                new TokenCounts(rs.getLong("input"), rs.getLong("output"), rs.getLong("cache_write_5m"),
                        rs.getLong("cache_write_1h"), rs.getLong("cache_read")),
                rs.getString("speed"),
                rs.getString("service_tier"),
                rs.getString("version"),
                rs.getBoolean("sidechain"),
                rs.getString("agent_id"),
                rs.getBoolean("stop_reason_set"),
                rs.getString("config_root"),
                rs.getString("source_file"),
                rs.getLong("source_offset"),
                rs.getDouble("cost_usd"),
                costSource(rs.getString("cost_source")));
        return new RemoteUsageRow(rs.getString("machine_id"), rs.getString("machine_name"), record);
    }

    /** A cost source written by a newer version reads as unpriced rather than failing the whole report. */
    private static CostSource costSource(String code) {
        try {
            return CostSource.ofCode(code);
        } catch (IllegalArgumentException e) {
            return CostSource.UNPRICED;
        }
    }

    /** Starts a transaction with this sink's statement timeout and search path (both transaction-scoped). */
    private void begin(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = " + settings.statementTimeout().toMillis());
            if (!settings.schema().isEmpty()) {
                st.execute("SET LOCAL search_path = " + settings.schema());
            }
        }
    }

    private Connection connection() {
        if (connection == null) {
            connect();
        }
        return connection;
    }

    private int connect() {
        Connection c;
        try {
            c = driver.connect(settings.url(), connectionProperties());
        } catch (SQLException e) {
            throw errors.connecting(e);
        }
        if (c == null) {
            throw errors.of(Reason.CONFIGURATION, "the driver does not accept the URL");
        }
        try {
            c.setAutoCommit(false);
            begin(c);
            int before = schema.migrate(c);
            c.commit();
            connection = c;
            return before;
        } catch (PgSchema.SchemaTooNewException e) {
            closeQuietly(c);
            throw errors.of(Reason.SCHEMA, e.getMessage());
        } catch (SQLException e) {
            rollbackQuietly(c);
            closeQuietly(c);
            throw errors.working(e);
        }
    }

    private Properties connectionProperties() {
        Properties p = new Properties();
        PGProperty.USER.set(p, settings.user());
        PGProperty.PASSWORD.set(p, settings.password());
        PGProperty.APPLICATION_NAME.set(p, "cc-telemetry");
        int connectSeconds = (int) Math.max(1, ceilSeconds(settings.connectTimeout()));
        PGProperty.CONNECT_TIMEOUT.set(p, connectSeconds);
        PGProperty.LOGIN_TIMEOUT.set(p, connectSeconds);
        // The client-side read timeout backs up the server's statement_timeout for a dead network.
        PGProperty.SOCKET_TIMEOUT.set(p, (int) ceilSeconds(settings.statementTimeout()) + connectSeconds + 10);
        PGProperty.TCP_KEEP_ALIVE.set(p, true);
        if (!endpoint.urlSets(PGProperty.SSL_MODE)) {
            PostgresSettings.SslMode mode = settings.sslMode().orElse(endpoint.loopback()
                    ? PostgresSettings.SslMode.PREFER : PostgresSettings.SslMode.VERIFY_FULL);
            PGProperty.SSL_MODE.set(p, mode.code());
        }
        if (!endpoint.urlSets(PGProperty.SSL_ROOT_CERT) && !endpoint.urlSets(PGProperty.SSL_FACTORY)) {
            // Without a root certificate file, verify against the JVM's trust store (public CAs: Neon, most
            // managed services) instead of failing on a missing ~/.postgresql/root.crt.
            PGProperty.SSL_FACTORY.set(p, "org.postgresql.ssl.DefaultJavaSSLFactory");
        }
        if (settings.transactionPooler()) {
            // Transaction-mode poolers hand each transaction to any server connection: no named statements.
            PGProperty.PREPARE_THRESHOLD.set(p, 0);
        }
        return p;
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private RemoteStoreException failed(SQLException e) {
        RemoteStoreException mapped = errors.working(e);
        if (mapped.reason() == Reason.CONNECTION_LOST || mapped.reason() == Reason.TIMEOUT) {
            dropConnection();
        }
        return mapped;
    }

    private void dropConnection() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void cancelQuietly(PGCopyOutputStream copy) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                log.debug("cancelling COPY failed: {}", e.getSQLState());
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            log.debug("rollback failed: {}", e.getSQLState());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("close failed: {}", e.getSQLState());
        }
    }
}
