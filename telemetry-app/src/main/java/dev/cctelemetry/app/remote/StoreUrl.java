package dev.cctelemetry.app.remote;

import dev.cctelemetry.store.postgres.PostgresConnectionString;
import dev.cctelemetry.store.postgres.PostgresSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * A store URL as a person types or pastes it ({@code setup}'s answer, {@code config set-store}'s argument): a
 * JDBC URL or the {@code postgres://user:password@host/db} URI that Supabase and Neon show, read by the one parser
 * both use, into a JDBC URL without credentials plus the user and password it carried.
 *
 * @param jdbcUrl {@code jdbc:postgresql://...} without user or password
 * @param user the user named in the URL, if any
 * @param password the password in the URL, if any
 */
public record StoreUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public StoreUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException when it is not a PostgreSQL URL (the message never repeats the input)
     */
    public static StoreUrl parse(String text) {
        PostgresConnectionString cs = PostgresConnectionString.parse(text);
        return new StoreUrl(cs.jdbcUrl(), cs.user(), cs.password());
    }

    /** Whether {@code mode} is one of the driver's sslmode values (disable ... verify-full). */
    public static boolean isSslMode(String mode) {
        try {
            PostgresSettings.SslMode.ofCode(mode);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "StoreUrl[" + jdbcUrl + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "***" : "none") + "]";
    }
}
