package dev.cctelemetry.hooks.settings;

import java.nio.file.Path;
import java.time.Clock;

/** A process for {@link SettingsFilePrivacyTest}'s trace: installs our hooks into the settings file named. */
public final class HooksInstaller {

    private HooksInstaller() {
    }

    public static void main(String[] args) {
        new SettingsFileEditor(Clock.systemUTC()).install(Path.of(args[0]),
                new HookRegistration("'/h/hooks/cc-telemetry-stop.sh'", "'/h/hooks/cc-telemetry-session-end.sh'"),
                EditMode.APPLY);
    }
}
