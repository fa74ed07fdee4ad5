package dev.cctelemetry.app.platform;

import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.platform.unix.LaunchAgentInstaller;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.unix.SetsidDetacher;
import dev.cctelemetry.platform.unix.SystemdUserUnitInstaller;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import dev.cctelemetry.platform.windows.StartProcessDetacher;
import dev.cctelemetry.platform.windows.TaskSchedulerInstaller;
import java.util.Objects;

/**
 * Makes one platform's adapters for detaching a process, rendering hook scripts and installing the service, a new
 * one on each call: what the platform's Guice module provides ({@link UnixPlatformModule},
 * {@link WindowsPlatformModule}) and what a front end that builds a command without Guice calls, so both get the
 * same adapter from one place.
 *
 * @param platform the platform whose adapters are made
 */
public record PlatformAdapters(Platform platform) {

    public PlatformAdapters {
        Objects.requireNonNull(platform, "platform is null");
    }

    /** How a worker process is started detached from its parent. */
    public Detacher detacher() {
        return platform == Platform.WINDOWS ? new StartProcessDetacher() : new SetsidDetacher();
    }

    /** What writes the hook scripts (POSIX sh, or PowerShell on Windows). */
    public HookScriptRenderer hookScriptRenderer() {
        return platform == Platform.WINDOWS ? new PowerShellHookScriptRenderer() : new PosixHookScriptRenderer();
    }

    /** The service manager's installer: systemd, launchd, Task Scheduler, or one that says it is unsupported. */
    public ServiceInstaller serviceInstaller() {
        return switch (platform) {
            case LINUX -> new SystemdUserUnitInstaller();
            case MACOS -> new LaunchAgentInstaller();
            case WINDOWS -> new TaskSchedulerInstaller();
            case UNIX -> new UnsupportedServiceInstaller(System.getProperty("os.name", "this OS"));
        };
    }
}
