package dev.cctelemetry.app.platform;

import com.google.inject.Module;
import java.util.Locale;
import java.util.Objects;

/**
 * The operating system, chosen once at startup; it decides which platform adapters are bound. The Unix-likes
 * share hook scripts and detachment and differ only in their service manager.
 */
public enum Platform {
    /** Linux: POSIX sh hook scripts, {@code setsid} detachment, a systemd user unit. */
    LINUX,
    /** macOS: POSIX sh hook scripts, {@code nohup} detachment, a launchd LaunchAgent. */
    MACOS,
    /** Another Unix-like (FreeBSD, Solaris ...): POSIX sh hook scripts, no supported service manager. */
    UNIX,
    /** Windows: PowerShell hook scripts, {@code Start-Process -WindowStyle Hidden}, a Task Scheduler task. */
    WINDOWS;

    /**
     * The platform for a value of the {@code os.name} system property ("Windows 11", "Linux", "Mac OS X" ...).
     * Anything that is not Windows is treated as a Unix-like: every other OS a JVM runs on has a POSIX sh.
     */
    public static Platform detect(String osName) {
        Objects.requireNonNull(osName, "osName is null");
        String os = osName.strip().toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return MACOS;
        }
        return os.startsWith("linux") ? LINUX : UNIX;
    }

    /** The name the shared store lists this machine's OS under. */
    public String osLabel() {
        return switch (this) {
            case LINUX -> "linux";
            case MACOS -> "macos";
            case UNIX -> "unix";
            case WINDOWS -> "windows";
        };
    }

    /** The Guice module binding this platform's adapters. */
    public Module module() {
        return this == WINDOWS ? new WindowsPlatformModule() : new UnixPlatformModule(this);
    }
}
