package dev.cctelemetry.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code store} object of {@code config.json}: where records are pushed. The password is either kept in the
 * (0600) config or named by an environment variable; {@link #toString()} and {@link #describe()} never show it.
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

    /** A store from plain strings, "" meaning absent (the wizard's answers), in the default schema. */
    public StoreConfig(String url, String user, String password, String passwordEnv, String sslmode,
            boolean transactionPooler) {
        this(url, user, nonEmpty(password), nonEmpty(passwordEnv), nonEmpty(sslmode), transactionPooler, "");
    }

    /** The {@code store} section of a config, when it names a URL. */
    public static Optional<StoreConfig> of(JsonNode config) {
        return fromSection(config.path("store"));
    }

    /** A {@code store} object itself, when it names a URL. */
    public static Optional<StoreConfig> fromSection(JsonNode s) {
        if (!s.isObject() || !s.path("url").isTextual() || s.path("url").asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StoreConfig(s.path("url").asText(), s.path("user").asText(""),
                text(s, "password"), text(s, "password_env"), text(s, "sslmode"),
                s.path("transaction_pooler").asBoolean(false), s.path("schema").asText("")));
    }

    /** Writes this store as the {@code store} object of {@code config}, replacing any earlier one. */
    public void writeTo(ObjectNode config) {
        ObjectNode s = config.putObject("store");
        s.put("url", url);
        s.put("user", user);
        password.ifPresent(p -> s.put("password", p));
        passwordEnv.ifPresent(e -> s.put("password_env", e));
        sslmode.ifPresent(m -> s.put("sslmode", m));
        s.put("transaction_pooler", transactionPooler);
        if (!schema.isEmpty()) {
            s.put("schema", schema);
        }
    }

    /** Whether a password is stored in the config file itself. */
    public boolean holdsPassword() {
        return password.isPresent();
    }

    /** The password to connect with: the named variable's value, else the stored one, else "". */
    public String resolvePassword(Map<String, String> env) {
        if (passwordEnv.isPresent()) {
            return env.getOrDefault(passwordEnv.get(), "");
        }
        return password.orElse("");
    }

    /** The password as shown to people: {@code ****}, plus where it comes from. */
    public String maskedPassword() {
        if (passwordEnv.isPresent()) {
            return "**** (from $" + passwordEnv.get() + ")";
        }
        return password.isPresent() ? "**** (in config)" : "(none)";
    }

    /** URL, user and masked password on one line; a password embedded in the URL is masked too. */
    public String describe() {
        return maskUrl(url) + " as " + (user.isEmpty() ? "(default user)" : user) + ", password "
                + maskedPassword();
    }

    /** {@code url} with any {@code password=} parameter or {@code user:password@} masked. */
    public static String maskUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****").replaceAll("//([^/:@]+):[^/@]*@", "//$1:****@");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + describe() + ", sslmode=" + sslmode.orElse("auto") + ", transactionPooler="
                + transactionPooler + ", schema=" + schema + "]";
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
