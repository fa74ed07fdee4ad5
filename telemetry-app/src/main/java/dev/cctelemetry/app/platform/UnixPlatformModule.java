package dev.cctelemetry.app.platform;

import com.google.inject.AbstractModule;
import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import java.util.Objects;

/**
 * Binds the Linux/macOS (and other Unix-like) adapters. Lives in the application layer because adapters never see Guice.
 * The adapters themselves come from {@link PlatformAdapters} (the service manager, the one thing the Unix-likes do
 * not share, is picked by the {@link Platform}).
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
        PlatformAdapters adapters = new PlatformAdapters(platform);
        bind(Platform.class).toInstance(platform);
        bind(Detacher.class).toProvider(adapters::detacher);
        bind(HookScriptRenderer.class).toProvider(adapters::hookScriptRenderer);
        bind(DesktopBrowsers.class);
        bind(BrowserOpener.class).toProvider(DesktopBrowsers.class);
        bind(ServiceInstaller.class).toProvider(adapters::serviceInstaller);
    }
}
