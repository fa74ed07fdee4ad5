package dev.cctelemetry.web.security;

import java.util.Locale;

/**
 * The token of an {@code Authorization: Bearer TOKEN} header (RFC 6750): how a scraper, which keeps no cookie,
 * proves it may read.
 */
public final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /** The token the header carries; null when there is no header or it is not a bearer one. */
    public static String of(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        return authorization.substring(SCHEME.length()).trim();
    }
}
