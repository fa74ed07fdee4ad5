package dev.cctelemetry.cli.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code store} object of {@code config.json}: where to push. {@link #toString()} never shows the password.
 *
 * @param url {@code jdbc:postgresql://host:port/db} (a pasted {@code postgres://} URI is converted before saving)
 * @param user database user
 * @param password the password kept in the 0600 config file, if the user chose that
 * @param passwordEnv the environment variable holding the password instead, if the user chose that
 * @param sslmode the driver's sslmode; empty picks verify-full for remote hosts, prefer for loopback
 * @param transactionPooler whether the URL points at a transaction-mode pooler (Supabase port 6543, PgBouncer)
 * @param schema PostgreSQL schema for the tables, "" for the default search path
 */
public record StoreConfig(String url, String user, Optional<String> password, Optional<String> passwordEnv,
        Optional<String> sslmode, boolean transactionPooler, String schema) {

    public StoreConfig {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
        Objects.requireNonNull(passwordEnv, "passwordEnv is null");
        Objects.requireNonNull(sslmode, "sslmode is null");
        Objects.requireNonNull(schema, "schema is null");
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + url + ", user=" + user + ", password=" + (password.isPresent() ? "***" : "none")
                + ", passwordEnv=" + passwordEnv.orElse("") + ", sslmode=" + sslmode.orElse("auto")
                + ", transactionPooler=" + transactionPooler + ", schema=" + schema + "]";
    }
}
