package dev.cctelemetry.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.cctelemetry.cli.hook.HookSyncLog;
import dev.cctelemetry.cli.hook.RunningJar;
import java.time.Clock;

/**
 * The composition root's bindings: the process environment and the clock. Commands and services are built by
 * constructor injection. Fast and free of side effects: nothing is opened here.
 */
final class CliModule extends AbstractModule {

    private final TelemetryEnvironment environment;
    private final Clock clock;
    private final HookSyncLog hookLog;

    CliModule(TelemetryEnvironment environment, Clock clock, HookSyncLog hookLog) {
        this.environment = environment;
        this.clock = clock;
        this.hookLog = hookLog;
    }

    @Override
    protected void configure() {
        binder().disableCircularProxies();
    }

    @Provides
    TelemetryEnvironment environment() {
        return environment;
    }

    @Provides
    Clock clock() {
        return clock;
    }

    @Provides
    HookSyncLog hookLog() {
        return hookLog;
    }

    /** The jar {@code setup-hooks} installs: the one holding {@link Main}. */
    @Provides
    RunningJar runningJar() {
        return RunningJar.containing(Main.class);
    }
}
