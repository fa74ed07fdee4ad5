package dev.cctelemetry.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The random secret of one dashboard launch, as Jupyter's: it is printed in the URL the browser opens, and the
 * page keeps it in a cookie. A new launch makes a new token, so an old bookmark or a leaked cookie dies with the
 * process.
 *
 * @param value 32 random bytes, base64url without padding (43 characters)
 */
public record LaunchToken(String value) {

    private static final int BYTES = 32;

    public LaunchToken {
        Objects.requireNonNull(value, "value is null");
        if (value.length() < 32) {
            throw new IllegalArgumentException("token must have at least 32 characters");
        }
    }

    /** A fresh token from {@code random}. */
    public static LaunchToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new LaunchToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether {@code candidate} is this token; compares in constant time so timing tells nothing. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        // Records print their fields; a token must never reach a log by accident.
        return "LaunchToken[***]";
    }
}
