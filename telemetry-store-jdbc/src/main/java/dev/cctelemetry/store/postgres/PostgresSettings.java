package dev.cctelemetry.store.postgres;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the shared PostgreSQL store. {@link #toString()} never shows the password.
 *
 * @param url JDBC URL, {@code jdbc:postgresql://host[:port]/database[?options]}; an {@code sslmode} in the URL wins
 *     over {@link #sslMode}
 * @param user database user
 * @param password the user's password ("" for none); never logged nor put in exception messages
 * @param sslMode TLS mode; empty picks {@link SslMode#VERIFY_FULL} for remote hosts and {@link SslMode#PREFER} for
 *     loopback
 * @param transactionPooler whether the URL points at a transaction-mode pooler (PgBouncer, Supabase's pooler on
 *     port 6543): turns off server-side prepared statements, which such poolers cannot keep across transactions
 * @param schema PostgreSQL schema to keep the tables in ("" for the server's default search path, usually
 *     {@code public}); created when missing
 * @param connectTimeout how long to wait for a connection and its login
 * @param statementTimeout how long one statement may run on the server before it is cancelled
 */
public record PostgresSettings(String url, String user, String password, Optional<SslMode> sslMode,
        boolean transactionPooler, String schema, Duration connectTimeout, Duration statementTimeout) {

    /** Default for {@link #connectTimeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default for {@link #statementTimeout}. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(120);

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresSettings {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
        Objects.requireNonNull(sslMode, "sslMode is null");
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(connectTimeout, "connectTimeout is null");
        Objects.requireNonNull(statementTimeout, "statementTimeout is null");
        if (!url.startsWith("jdbc:postgresql:")) {
            // Never echo the URL: users paste connection strings with the password in them.
            throw new IllegalArgumentException("url must start with jdbc:postgresql://");
        }
        if (!schema.isEmpty() && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier: " + schema);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || statementTimeout.isNegative()
                || statementTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Settings with the default TLS mode, no pooler, the default schema and default timeouts. */
    public static PostgresSettings of(String url, String user, String password) {
        return new PostgresSettings(url, user, password, Optional.empty(), false, "", DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT);
    }

    /** The same settings with an explicit TLS mode. */
    public PostgresSettings withSslMode(SslMode mode) {
        return new PostgresSettings(url, user, password, Optional.of(mode), transactionPooler, schema,
                connectTimeout, statementTimeout);
    }

    /** The same settings for a transaction-mode pooler, or not. */
    public PostgresSettings withTransactionPooler(boolean pooler) {
        return new PostgresSettings(url, user, password, sslMode, pooler, schema, connectTimeout,
                statementTimeout);
    }

    /** The same settings with the tables in another schema. */
    public PostgresSettings withSchema(String name) {
        return new PostgresSettings(url, user, password, sslMode, transactionPooler, name, connectTimeout,
                statementTimeout);
    }

    /** The same settings with other timeouts. */
    public PostgresSettings withTimeouts(Duration connect, Duration statement) {
        return new PostgresSettings(url, user, password, sslMode, transactionPooler, schema, connect, statement);
    }

    @Override
    public String toString() {
        return "PostgresSettings[user=" + user + ", password=***, sslMode=" + sslMode.map(SslMode::code).orElse("auto")
                + ", transactionPooler=" + transactionPooler + ", schema=" + schema + ", connectTimeout="
                + connectTimeout + ", statementTimeout=" + statementTimeout + "]";
    }

    /** The driver's {@code sslmode} values. */
    public enum SslMode {
        /** No TLS. */
        DISABLE,
        /** TLS only if the server insists. */
        ALLOW,
        /** TLS when the server offers it, without checking its certificate. */
        PREFER,
        /** TLS always, without checking the certificate. */
        REQUIRE,
        /** TLS always, certificate signed by a trusted CA. */
        VERIFY_CA,
        /** TLS always, trusted certificate issued for the host name: the only mode that stops impostors. */
        VERIFY_FULL;

        /** The value the driver takes. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@link #code()}. */
        public static SslMode ofCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
