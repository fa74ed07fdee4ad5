package dev.cctelemetry.cli.platform;

import com.google.inject.Module;
import java.util.Locale;
import java.util.Objects;

/** The operating-system family, chosen once at startup; it decides which platform adapters are bound. */
public enum Platform {
    /** Linux, macOS and other Unix-likes: POSIX sh hook scripts, {@code setsid}/{@code nohup} detachment. */
    UNIX,
    /** Windows: PowerShell hook scripts, {@code Start-Process -WindowStyle Hidden} detachment. */
    WINDOWS;

    /**
     * The platform for a value of the {@code os.name} system property ("Windows 11", "Linux", "Mac OS X" ...).
     * Anything that is not Windows is treated as Unix: every other OS a JVM runs on has a POSIX sh.
     */
    public static Platform detect(String osName) {
        Objects.requireNonNull(osName, "osName is null");
        return osName.strip().toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : UNIX;
    }

    /** The Guice module binding this platform's adapters. */
    public Module module() {
        return switch (this) {
            case UNIX -> new UnixPlatformModule();
            case WINDOWS -> new WindowsPlatformModule();
        };
    }
}
