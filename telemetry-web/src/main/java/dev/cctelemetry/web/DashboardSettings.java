package dev.cctelemetry.web;

import dev.cctelemetry.web.security.LaunchToken;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How one dashboard launch listens.
 *
 * @param bind the address to listen on (loopback unless the user chose {@code --bind})
 * @param port the port to try first; 0 for any free port
 * @param fallBackToFreePort whether a taken {@code port} falls back to a free one (the default port does; a port
 *     the user named does not)
 * @param token this launch's token, required on every request
 * @param changePoll how often the change counter is read for live updates
 */
public record DashboardSettings(InetAddress bind, int port, boolean fallBackToFreePort, LaunchToken token,
        Duration changePoll) {

    /** The port {@code cc-telemetry dashboard} tries first. */
    public static final int DEFAULT_PORT = 8417;

    /** Often enough that a page shows a commit well within 2 s, cheap enough to cost nothing. */
    public static final Duration DEFAULT_CHANGE_POLL = Duration.ofMillis(250);

    public DashboardSettings {
        Objects.requireNonNull(bind, "bind is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        Objects.requireNonNull(token, "token is null");
        Objects.requireNonNull(changePoll, "changePoll is null");
    }

    /** Whether the server listens beyond this machine (then the traffic is plain HTTP on the network). */
    public boolean exposed() {
        return !bind.isLoopbackAddress();
    }
}
