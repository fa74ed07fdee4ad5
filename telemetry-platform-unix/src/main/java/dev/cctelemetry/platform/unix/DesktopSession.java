package dev.cctelemetry.platform.unix;

import java.util.Map;
import java.util.Objects;

/**
 * What a process's environment says about the desktop session it runs in, read one way for every program that
 * shows something to the user (the browser opener, the desktop notifier): a server or an SSH login has none.
 */
record DesktopSession(Map<String, String> environment) {

    DesktopSession {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment is null"));
    }

    /** Whether an X11 or Wayland display is there, so a window (a browser) can be shown. */
    boolean hasDisplay() {
        return set("DISPLAY") || set("WAYLAND_DISPLAY");
    }

    /**
     * Whether a notification can reach the user: a display, or a session bus (a desktop's notification server
     * listens there even where the display variables are not passed on, e.g. to a terminal started by a service).
     */
    boolean canNotify() {
        return hasDisplay() || set("DBUS_SESSION_BUS_ADDRESS");
    }

    private boolean set(String name) {
        return !environment.getOrDefault(name, "").isEmpty();
    }
}
