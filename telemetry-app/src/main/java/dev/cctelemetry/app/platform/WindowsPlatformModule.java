package dev.cctelemetry.app.platform;

import com.google.inject.AbstractModule;
import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.platform.windows.UrlHandlerBrowserOpener;

/** Binds the Windows adapters. Lives in the application layer because adapters never see Guice. */
public final class WindowsPlatformModule extends AbstractModule {

    @Override
    protected void configure() {
        PlatformAdapters adapters = new PlatformAdapters(Platform.WINDOWS);
        bind(Platform.class).toInstance(Platform.WINDOWS);
        bind(Detacher.class).toProvider(adapters::detacher);
        bind(HookScriptRenderer.class).toProvider(adapters::hookScriptRenderer);
        bind(ServiceInstaller.class).toProvider(adapters::serviceInstaller);
        bind(BrowserOpener.class).toProvider(() -> new UrlHandlerBrowserOpener());
    }
}
