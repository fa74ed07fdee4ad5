package dev.cctelemetry.cli.platform;

import com.google.inject.AbstractModule;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import dev.cctelemetry.platform.windows.StartProcessDetacher;
import dev.cctelemetry.platform.windows.TaskSchedulerInstaller;

/** Binds the Windows adapters. Lives in the CLI because adapters never see Guice. */
public final class WindowsPlatformModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Platform.class).toInstance(Platform.WINDOWS);
        bind(Detacher.class).to(StartProcessDetacher.class);
        bind(HookScriptRenderer.class).to(PowerShellHookScriptRenderer.class);
        bind(ServiceInstaller.class).to(TaskSchedulerInstaller.class);
    }
}
