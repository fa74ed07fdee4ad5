package dev.cctelemetry.app.hooks;

import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryEnvironment;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The running jar's versioned copy under {@code lib/} ({@link JarInstaller}): what the service and a background
 * daemon run, so that neither depends on a checkout's {@code target/} that the next {@code mvnw clean} deletes.
 */
public final class InstalledJar {

    private final ProcessContext context;
    private final TelemetryEnvironment env;
    private final RunningJar runningJar;

    @Inject
    InstalledJar(ProcessContext context, TelemetryEnvironment env, RunningJar runningJar) {
        this.context = context;
        this.env = env;
        this.runningJar = runningJar;
    }

    /** Where the running jar's copy goes and whether it is there; empty when this process does not run from a jar. */
    public Optional<JarInstaller.Plan> plan() throws IOException {
        Optional<Path> jar = runningJar.find();
        return jar.isEmpty() ? Optional.empty()
                : Optional.of(new JarInstaller().plan(jar.get(), env.layout().libDir(), context.version()));
    }

    /**
     * Copies the running jar into {@code lib/} unless an identical copy is there.
     *
     * @return the copy and whether this call made it; empty when this process does not run from a jar
     */
    public Optional<Copy> install() throws IOException {
        Optional<JarInstaller.Plan> plan = plan();
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        boolean copied = new JarInstaller().install(plan.get());
        return Optional.of(new Copy(plan.get().target(), copied));
    }

    /**
     * The installed copy.
     *
     * @param jar where it is
     * @param madeNow whether this call copied it (else an identical copy was there)
     */
    public record Copy(Path jar, boolean madeNow) {
    }
}
