package dev.cctelemetry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import dev.cctelemetry.app.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The application's injector builds on every platform, in Guice's strict mode, and every binding resolves
 * without touching the disk: modules only bind, so a front end can build it at every start.
 */
class TelemetryAppWiringTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Platform.class)
    void everyBindingResolvesOnEachPlatformAndNothingIsWritten(Platform platform) throws Exception {
        Path home = tmp.resolve("telemetry");
        TelemetryEnvironment env = new TelemetryEnvironment(Map.of("CC_TELEMETRY_HOME", home.toString()),
                tmp.resolve("user"), tmp);

        Injector injector = TelemetryApp.injector(new ProcessContext(env, Clock.systemUTC(), platform,
                TelemetryApp.class));

        int resolved = 0;
        for (Map.Entry<Key<?>, Binding<?>> e : injector.getBindings().entrySet()) {
            String type = e.getKey().getTypeLiteral().getRawType().getName();
            if (type.startsWith("dev.cctelemetry.")) {
                assertThat(injector.getInstance(e.getKey())).as(type).isNotNull();
                resolved++;
            }
        }
        assertThat(resolved).as("the application's bindings").isGreaterThan(25);
        assertThat(Files.exists(home)).as("building and resolving created nothing").isFalse();
    }
}
