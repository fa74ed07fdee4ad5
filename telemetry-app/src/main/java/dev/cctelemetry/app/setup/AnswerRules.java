package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.remote.StoreUrl;
import java.util.Optional;
import java.util.regex.Pattern;

/** What makes an answer acceptable; shared by the interactive and the {@code --non-interactive} paths. */
public final class AnswerRules {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AnswerRules() {
    }

    /** A machine name: 1..64 printable characters. */
    public static Optional<String> machineName(String s) {
        if (s.isBlank()) {
            return Optional.of("the machine name cannot be empty");
        }
        if (s.length() > 64) {
            return Optional.of("the machine name is longer than 64 characters");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the machine name contains control characters");
        }
        return Optional.empty();
    }

    /** {@code local}, or a PostgreSQL URL ({@code jdbc:postgresql://}, {@code postgres://}, {@code postgresql://}). */
    public static Optional<String> store(String s) {
        if (s.equalsIgnoreCase("local") || storeUrl(s).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("expected 'local' or a URL like jdbc:postgresql://host:5432/database");
    }

    /** The URL read by the parser {@code config set-store} uses too, when {@code s} is one. */
    public static Optional<StoreUrl> storeUrl(String s) {
        try {
            return Optional.of(StoreUrl.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An environment variable name. */
    public static Optional<String> envName(String s) {
        return ENV_NAME.matcher(s).matches() ? Optional.empty()
                : Optional.of("'" + s + "' is not an environment variable name");
    }
}
