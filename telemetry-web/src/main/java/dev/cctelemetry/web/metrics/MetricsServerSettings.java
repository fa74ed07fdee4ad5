package dev.cctelemetry.web.metrics;

import dev.cctelemetry.web.security.LaunchToken;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code cc-telemetry metrics} listens.
 *
 * @param bind the address to listen on (loopback by default)
 * @param port the port; 0 for any free one
 * @param token the bearer token every scrape must send, if any; required beyond loopback, where anyone on the
 *     network could otherwise read the team's usage
 */
public record MetricsServerSettings(InetAddress bind, int port, Optional<LaunchToken> token) {

    /** The port {@code cc-telemetry metrics} listens on unless told: next to the dashboard's. */
    public static final int DEFAULT_PORT = 9417;

    public MetricsServerSettings {
        Objects.requireNonNull(bind, "bind is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        Objects.requireNonNull(token, "token is null");
        if (!bind.isLoopbackAddress() && token.isEmpty()) {
            throw new IllegalArgumentException("listening on " + bind.getHostAddress()
                    + " (beyond this machine) needs a bearer token: give --token-file");
        }
    }
}
