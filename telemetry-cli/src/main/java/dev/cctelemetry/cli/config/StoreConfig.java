package dev.cctelemetry.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code store} section of {@code config.json}: where records are pushed. The password is either stored in
 * the (0600) config or named by an environment variable; {@link #toString()} and {@link #describe()} never show it.
 *
 * @param url JDBC URL ({@code jdbc:postgresql://...})
 * @param user database user
 * @param password the password, "" when none is stored
 * @param passwordEnv the environment variable holding the password, "" when none
 * @param sslmode the driver's sslmode, "" for automatic
 * @param transactionPooler whether the URL points at a transaction-mode pooler
 */
public record StoreConfig(String url, String user, String password, String passwordEnv, String sslmode,
        boolean transactionPooler) {

    public StoreConfig {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
        Objects.requireNonNull(passwordEnv, "passwordEnv is null");
        Objects.requireNonNull(sslmode, "sslmode is null");
    }

    /** The {@code store} section of a config, when it names a URL. */
    public static Optional<StoreConfig> of(JsonNode config) {
        JsonNode s = config.path("store");
        if (!s.isObject() || s.path("url").asText("").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StoreConfig(s.path("url").asText(), s.path("user").asText(""),
                s.path("password").asText(""), s.path("password_env").asText(""), s.path("sslmode").asText(""),
                s.path("transaction_pooler").asBoolean(false)));
    }

    /** Whether a password is stored in the config file itself. */
    public boolean holdsPassword() {
        return !password.isEmpty();
    }

    /** The password to connect with: the named variable's value, else the stored one. */
    public String resolvePassword(Map<String, String> env) {
        if (!passwordEnv.isEmpty()) {
            return env.getOrDefault(passwordEnv, "");
        }
        return password;
    }

    /** The section as written to {@code config.json}. */
    public void writeTo(ObjectNode config) {
        ObjectNode s = config.putObject("store");
        s.put("url", url);
        s.put("user", user);
        if (!passwordEnv.isEmpty()) {
            s.put("password_env", passwordEnv);
        } else if (!password.isEmpty()) {
            s.put("password", password);
        }
        if (!sslmode.isEmpty()) {
            s.put("sslmode", sslmode);
        }
        if (transactionPooler) {
            s.put("transaction_pooler", true);
        }
    }

    /** The password as shown to people: {@code ****}, plus where it comes from. */
    public String maskedPassword() {
        if (!passwordEnv.isEmpty()) {
            return "**** (from $" + passwordEnv + ")";
        }
        return password.isEmpty() ? "(none)" : "**** (in config)";
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
        return "StoreConfig[" + describe() + "]";
    }
}
