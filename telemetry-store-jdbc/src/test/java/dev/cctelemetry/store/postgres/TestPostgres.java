package dev.cctelemetry.store.postgres;

import dev.cctelemetry.testing.RequiredInCi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the tests use: {@code CCT_PG_URL}, {@code CCT_PG_USER}, {@code CCT_PG_PASSWORD} from
 * system properties or the environment, defaulting to the cluster {@code .ci/start-postgres.sh} starts. Each
 * test gets its own schema, dropped afterwards, so tests never see each other's rows.
 */
final class TestPostgres implements AutoCloseable {

    static final String URL = setting("CCT_PG_URL", "jdbc:postgresql://127.0.0.1:55432/cct");
    static final String USER = setting("CCT_PG_USER", "cct");
    static final String PASSWORD = setting("CCT_PG_PASSWORD", "cct-test-secret");

    final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
            .toLowerCase(Locale.ROOT);

    private TestPostgres() {
    }

    /** A fresh schema on the test server; skips the calling test when no server answers. */
    static TestPostgres schemaOrSkip() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            RequiredInCi.assumeAvailable(false, "no PostgreSQL at " + URL + " (" + e.getSQLState() + "); start one with"
                    + " .ci/start-postgres.sh or set CCT_PG_URL/CCT_PG_USER/CCT_PG_PASSWORD");
        }
        return new TestPostgres();
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    PostgresSettings settings() {
        return PostgresSettings.of(URL, USER, PASSWORD).withSchema(schema);
    }

    PostgresUsageSink sink() {
        return new PostgresUsageSink(settings());
    }

    /** A plain connection with this schema on its search path; the caller closes it. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path = " + schema);
        }
        return c;
    }

    /** Every row of a query in this schema, each rendered as one string. */
    List<String> rows(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("SET search_path = " + schema);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.append(i == 1 ? "" : " | ").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from a query in this schema. */
    long number(String sql) {
        return Long.parseLong(rows(sql).get(0));
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh schema for each test of a class ({@code @RegisterExtension}): made before each test, which is skipped
     * when no server answers, and dropped after it.
     */
    static final class PerTest implements BeforeEachCallback, AfterEachCallback {

        private TestPostgres current;

        /** This test's schema. */
        TestPostgres pg() {
            return current;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            current = schemaOrSkip();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
