package dev.cctelemetry.app.alert;

import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.core.port.out.AlertChannel;
import dev.cctelemetry.notify.WebhookChannel;
import dev.cctelemetry.platform.unix.DesktopNotifier;
import dev.cctelemetry.platform.windows.ToastNotifier;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The channels the settings ask for, as this platform delivers them: the desktop's notifications ({@code notify-send}
 * on Linux, {@code osascript} on macOS, a toast through PowerShell on Windows), then the webhook.
 */
public final class AlertChannels {

    private final TelemetryEnvironment env;
    private final Platform platform;
    private final String userAgent;

    @Inject
    AlertChannels(TelemetryEnvironment env, Platform platform, ProcessContext context) {
        this.env = env;
        this.platform = platform;
        this.userAgent = "cc-telemetry/" + context.version();
    }

    /** The channels {@code settings} turn on, available or not. */
    public List<AlertChannel> of(AlertSettings settings) {
        List<AlertChannel> out = new ArrayList<>();
        if (settings.desktop()) {
            out.add(platform == Platform.WINDOWS ? new ToastNotifier(env.env())
                    : new DesktopNotifier(env.env(), platform == Platform.MACOS));
        }
        settings.webhook().ifPresent(w -> out.add(new WebhookChannel(w, userAgent)));
        return out;
    }
}
