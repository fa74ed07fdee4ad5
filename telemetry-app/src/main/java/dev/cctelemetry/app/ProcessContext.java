package dev.cctelemetry.app;

import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.sync.SyncLockGate;
import java.time.Clock;
import java.util.Objects;

/**
 * What a front end's entry point decides once for its process and hands to {@link TelemetryApp}.
 *
 * @param environment what the process learned from its environment
 * @param clock the wall clock
 * @param platform the OS whose adapters to bind
 * @param entryPoint the front end's main class: its jar is the one {@code setup-hooks} installs and services run,
 *     and its manifest names the version
 * @param gate work around the machine's sync lock ({@link SyncLockGate#NONE} unless the front end needs some)
 */
public record ProcessContext(TelemetryEnvironment environment, Clock clock, Platform platform, Class<?> entryPoint,
        SyncLockGate gate) {

    public ProcessContext {
        Objects.requireNonNull(environment, "environment is null");
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(platform, "platform is null");
        Objects.requireNonNull(entryPoint, "entryPoint is null");
        Objects.requireNonNull(gate, "gate is null");
    }

    /** A context without a gate around the sync lock. */
    public ProcessContext(TelemetryEnvironment environment, Clock clock, Platform platform, Class<?> entryPoint) {
        this(environment, clock, platform, entryPoint, SyncLockGate.NONE);
    }

    /** The version in the entry point's jar manifest, "dev" when it runs from classes. */
    public String version() {
        String v = entryPoint.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
