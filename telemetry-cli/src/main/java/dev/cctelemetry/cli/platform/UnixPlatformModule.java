package dev.cctelemetry.cli.platform;

import com.google.inject.AbstractModule;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.unix.SetsidDetacher;

/** Binds the Linux/macOS adapters. Lives in the CLI because adapters never see Guice. */
public final class UnixPlatformModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Platform.class).toInstance(Platform.UNIX);
        bind(Detacher.class).to(SetsidDetacher.class);
        bind(HookScriptRenderer.class).to(PosixHookScriptRenderer.class);
    }
}
