package dev.cctelemetry.web.security;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which {@code Host} headers the dashboard answers, against DNS rebinding: a web page on another site that
 * makes its own name resolve to 127.0.0.1 sends requests whose {@code Host} is that name, and is refused.
 *
 * <p>Bound to a loopback address, only {@code localhost}, {@code 127.0.0.1} and {@code [::1]} at the bound port
 * are answered. Bound to one other address, that address too. Bound to a wildcard address (0.0.0.0, ::), any
 * name is answered, because the machine's names are not known here; the launch token is then the only gate
 * (it always is required).
 */
public final class AllowedHosts {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String boundHost;
    private final boolean anyHost;
    private final int port;

    /**
     * @param bound the address the server listens on
     * @param port the port it listens on
     */
    public AllowedHosts(InetAddress bound, int port) {
        Objects.requireNonNull(bound, "bound is null");
        this.anyHost = bound.isAnyLocalAddress();
        String literal = bound.getHostAddress();
        this.boundHost = literal.contains(":") ? "[" + literal.replaceFirst("%.*$", "") + "]" : literal;
        this.port = port;
    }

    /** Whether a request carrying this {@code Host} header may be answered. */
    public boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return false;
        }
        if (anyHost) {
            return true;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        // "[::1]" has colons but no port; a port follows the last colon only after a closing bracket or no bracket.
        if (colon < 0 || host.endsWith("]")) {
            return false;
        }
        String name = host.substring(0, colon);
        String portText = host.substring(colon + 1);
        if (!portText.equals(Integer.toString(port))) {
            return false;
        }
        return LOOPBACK_NAMES.contains(name) || name.equals(boundHost);
    }
}
