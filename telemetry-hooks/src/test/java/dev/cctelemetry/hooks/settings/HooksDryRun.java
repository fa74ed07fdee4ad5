package dev.cctelemetry.hooks.settings;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A process for {@link LargeSettingsFileTest}: installs our hooks into the settings file named ({@code --dry-run}
 * as second argument: only shows the change), printing the first line of the diff and the warnings.
 */
public final class HooksDryRun {

    private HooksDryRun() {
    }

    public static void main(String[] args) {
        SettingsEditResult r = new SettingsFileEditor(Clock.systemUTC()).install(Path.of(args[0]),
                new HookRegistration("'/h/hooks/cc-telemetry-stop.sh'", "'/h/hooks/cc-telemetry-session-end.sh'"),
                args.length > 1 && args[1].equals("--dry-run") ? EditMode.DRY_RUN : EditMode.APPLY);
        System.out.println("changed=" + r.changed());
        System.out.println(r.diff().lines().findFirst().orElse(""));
        r.warnings().forEach(System.out::println);
    }
}
