package dev.cctelemetry.app.platform;

import com.google.inject.AbstractModule;
import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.platform.unix.LaunchAgentInstaller;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.unix.SetsidDetacher;
import dev.cctelemetry.platform.unix.SystemdUserUnitInstaller;
import java.util.Objects;

/**
 * Binds the Linux/macOS (and other Unix-like) adapters. Lives in the application layer because adapters never see Guice.
 * The service manager is the one thing the Unix-likes do not share, so it is picked by the {@link Platform}.
 */
public final class UnixPlatformModule extends AbstractModule {

    private final Platform platform;

    /** The module for {@code platform}, one of the Unix-likes. */
    public UnixPlatformModule(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform is null");
        if (platform == Platform.WINDOWS) {
            throw new IllegalArgumentException("Windows is bound by WindowsPlatformModule");
        }
    }

    @Override
    protected void configure() {
        bind(Platform.class).toInstance(platform);
        bind(Detacher.class).toProvider(() -> new SetsidDetacher());
        bind(HookScriptRenderer.class).toProvider(() -> new PosixHookScriptRenderer());
        bind(DesktopBrowsers.class);
        bind(BrowserOpener.class).toProvider(DesktopBrowsers.class);
        Platform p = platform;
        bind(ServiceInstaller.class).toProvider(() -> switch (p) {
            case LINUX -> new SystemdUserUnitInstaller();
            case MACOS -> new LaunchAgentInstaller();
            default -> new UnsupportedServiceInstaller(System.getProperty("os.name", "this OS"));
        });
    }
}
