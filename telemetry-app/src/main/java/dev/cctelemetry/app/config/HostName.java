package dev.cctelemetry.app.config;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

/** The host name: a new machine's default name, and the host a machine id is tied to. */
public final class HostName {

    private HostName() {
    }

    /** {@code HOSTNAME} or {@code COMPUTERNAME} from {@code env} when set, else the name the OS resolves. */
    public static String of(Map<String, String> env) {
        String h = env.getOrDefault("HOSTNAME", env.get("COMPUTERNAME"));
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
