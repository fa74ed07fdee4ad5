package dev.cctelemetry.cli;

import com.google.inject.AbstractModule;
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
        // Plain bindings, not @Provides methods: Guice reads every method's annotations to find those, which was
        // a tenth of a start-up.
        bind(TelemetryEnvironment.class).toInstance(environment);
        bind(Clock.class).toInstance(clock);
        bind(HookSyncLog.class).toInstance(hookLog);
        // The jar setup-hooks installs: the one holding Main (looked up only when a command asks for it).
        bind(RunningJar.class).toProvider(() -> RunningJar.containing(Main.class));
    }
}
