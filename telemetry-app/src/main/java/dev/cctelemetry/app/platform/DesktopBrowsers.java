package dev.cctelemetry.app.platform;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.core.port.out.BrowserOpener;
import dev.cctelemetry.platform.unix.DesktopBrowserOpener;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/** Opens pages with {@code open} on macOS and {@code xdg-open} on the other Unix-likes, in this process's environment. */
final class DesktopBrowsers implements Provider<BrowserOpener> {

    private final TelemetryEnvironment environment;
    private final Platform platform;

    @Inject
    DesktopBrowsers(TelemetryEnvironment environment, Platform platform) {
        this.environment = environment;
        this.platform = platform;
    }

    @Override
    public BrowserOpener get() {
        return new DesktopBrowserOpener(environment.env(), platform == Platform.MACOS);
    }
}
