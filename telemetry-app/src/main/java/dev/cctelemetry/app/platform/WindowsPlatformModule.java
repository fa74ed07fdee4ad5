package dev.cctelemetry.app.platform;

import com.google.inject.AbstractModule;
import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import dev.cctelemetry.platform.windows.StartProcessDetacher;
import dev.cctelemetry.platform.windows.TaskSchedulerInstaller;
import dev.cctelemetry.platform.windows.UrlHandlerBrowserOpener;

/** Binds the Windows adapters. Lives in the application layer because adapters never see Guice. */
public final class WindowsPlatformModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Platform.class).toInstance(Platform.WINDOWS);
        bind(Detacher.class).toProvider(() -> new StartProcessDetacher());
        bind(HookScriptRenderer.class).toProvider(() -> new PowerShellHookScriptRenderer());
        bind(ServiceInstaller.class).toProvider(() -> new TaskSchedulerInstaller());
        bind(BrowserOpener.class).toProvider(() -> new UrlHandlerBrowserOpener());
    }
}
