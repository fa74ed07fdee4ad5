package dev.cctelemetry.store.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection string as users paste it: a JDBC URL ({@code jdbc:postgresql://host:port/db}) or the libpq URI
 * that Supabase, Neon and most hosts show ({@code postgres://user:password@host:port/db?sslmode=require}),
 * turned into a JDBC URL without credentials plus the user and password it carried (a JDBC URL written with
 * {@code user:password@} before the host is read the same way). {@link #toString()} and every error message leave
 * the password out.
 *
 * @param jdbcUrl {@code jdbc:postgresql://…} with the original query options, no user or password
 * @param user the user named in the URI, if any
 * @param password the password in the URI, if any (percent-decoded)
 */
public record PostgresConnectionString(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public PostgresConnectionString {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(password, "password is null");
    }

    /**
     * Parses a JDBC URL or a {@code postgres://} / {@code postgresql://} URI.
     *
     * @throws IllegalArgumentException for anything else (the message never repeats the input)
     */
    public static PostgresConnectionString parse(String text) {
        String s = Objects.requireNonNull(text, "text is null").trim();
        String lower = s.toLowerCase(Locale.ROOT);
        String rest;
        if (s.startsWith("jdbc:postgresql:") && !hasUserInfo(s.substring("jdbc:postgresql:".length()))) {
            try {
                PgEndpoint.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("store URL is not a valid jdbc:postgresql:// URL");
            }
            return new PostgresConnectionString(s, Optional.empty(), Optional.empty());
        }
        if (s.startsWith("jdbc:postgresql://")) {
            // The driver would take "bob:secret@host" for a host name, and quote it in every error message.
            rest = s.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = s.substring("postgres://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = s.substring("postgresql://".length());
        } else {
            throw new IllegalArgumentException(
                    "store URL must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        int authorityEnd = slash >= 0 ? slash : question >= 0 ? question : rest.length();
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String u = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            if (!u.isEmpty()) {
                user = Optional.of(decode(u));
            }
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("store URL names no host");
        }
        if (!tail.startsWith("/")) {
            tail = "/" + tail;
        }
        String jdbc = "jdbc:postgresql://" + authority + tail;
        try {
            PgEndpoint.parse(jdbc);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("store URL is not a valid PostgreSQL URI");
        }
        return new PostgresConnectionString(jdbc, user, password);
    }

    /** Whether the authority part ({@code //…} up to the path or query) names a user before an {@code @}. */
    private static boolean hasUserInfo(String afterScheme) {
        if (!afterScheme.startsWith("//")) {
            return false;
        }
        String rest = afterScheme.substring(2);
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return rest.substring(0, end).indexOf('@') >= 0;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PostgresConnectionString[" + jdbcUrl + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "***" : "none") + "]";
    }
}
