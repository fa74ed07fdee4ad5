package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.Stage;
import com.google.inject.spi.ConstructorBinding;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.spi.ProviderInstanceBinding;
import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryApp;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.hooks.RunningJar;
import dev.cctelemetry.app.ledger.PriceTables;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.cli.hook.HookSyncLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DirectWiring} builds exactly what the strict Guice injector would: for every command it can build, each
 * class of the graph is bound in Guice to the same constructor, with no member injection and the same scope, and
 * each process value is the instance Guice binds. A module that rebinds one of those classes (to a subclass, a
 * provider, a singleton) fails here, naming it.
 */
class DirectWiringTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Platform.class)
    void everyGraphBuiltDirectlyIsTheGraphGuiceBinds(Platform platform) throws Exception {
        ProcessContext context = context(platform);
        HookSyncLog hookLog = HookSyncLog.disabled();
        DirectWiring direct = DirectWiring.of(context, hookLog);
        List<Module> modules = new ArrayList<>(TelemetryApp.modules(context));
        modules.add(new CliModule(hookLog, RootCommand.SUBCOMMANDS));
        Injector guice = Guice.createInjector(Stage.PRODUCTION, modules);

        int compared = 0;
        for (Class<?> command : CliModule.INJECTED_COMMANDS) {
            for (Class<?> type : direct.graph(command).orElse(Set.of())) {
                if (DirectWiring.LINKS.containsKey(type) || DirectWiring.PROVIDED.contains(type)) {
                    continue; // compared below, once each
                }
                Binding<?> binding = guice.getExistingBinding(Key.get(type));
                assertThat(binding).as(command.getSimpleName() + " needs " + type.getName() + ", bound in Guice")
                        .isInstanceOf(ConstructorBinding.class);
                ConstructorBinding<?> constructor = (ConstructorBinding<?>) binding;
                assertThat(constructor.getConstructor().getMember()).as(type.getName())
                        .isEqualTo(direct.plan(type).orElseThrow());
                assertThat(constructor.getInjectableMembers()).as(type.getName() + "'s injected members").isEmpty();
                assertThat(DirectWiring.singleton(type)).as(type.getName() + " is a singleton")
                        .isEqualTo(Scopes.isSingleton(binding));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
        for (Map.Entry<Class<?>, Class<?>> link : DirectWiring.LINKS.entrySet()) {
            Binding<?> binding = guice.getExistingBinding(Key.get(link.getKey()));
            assertThat(binding).as(link.getKey().getName() + " is linked to a class").isInstanceOf(LinkedKeyBinding.class);
            assertThat(((LinkedKeyBinding<?>) binding).getLinkedKey()).as(link.getKey().getName())
                    .isEqualTo(Key.get(link.getValue()));
            assertThat(Scopes.isSingleton(binding)).as(link.getKey().getName() + " is a singleton").isFalse();
        }
        for (Class<?> port : DirectWiring.PROVIDED) {
            Binding<?> binding = guice.getExistingBinding(Key.get(port));
            assertThat(binding).as(port.getName() + " is provided").isInstanceOf(ProviderInstanceBinding.class);
            assertThat(Scopes.isSingleton(binding)).as(port.getName() + " is a singleton").isFalse();
            Object fromGuice = guice.getInstance(port);
            Object made = direct.create(port);
            assertThat(made).as(port.getName() + " made directly").isNotSameAs(direct.create(port));
            if (port == RunningJar.class) {
                assertThat(((RunningJar) made).find()).isEqualTo(((RunningJar) fromGuice).find());
            } else {
                assertThat(made.getClass()).as(port.getName() + " on " + platform).isEqualTo(fromGuice.getClass());
            }
        }
        for (Map.Entry<Class<?>, Object> value : direct.values().entrySet()) {
            Binding<?> binding = guice.getExistingBinding(Key.get(value.getKey()));
            assertThat(binding).as(value.getKey().getName()).isInstanceOf(InstanceBinding.class);
            assertThat(((InstanceBinding<?>) binding).getInstance()).as(value.getKey().getName())
                    .isEqualTo(value.getValue());
        }
    }

    @Test
    void theShortCommandsAreBuiltWithoutGuice() {
        DirectWiring direct = DirectWiring.of(context(Platform.LINUX), HookSyncLog.disabled());

        // If one of these stops being buildable directly (a new interface or provider in its graph), every start
        // of that command pays for Guice again: 120-250 ms.
        for (Class<?> command : List.of(StatusCommand.class, ReportCommand.class, SyncCommand.class,
                HookRunCommand.class, StatuslineCommand.class, CheckCommand.class, DoctorCommand.class,
                SetupCommand.class, SetupHooksCommand.class, DaemonCommand.class)) {
            assertThat(direct.canBuild(command)).as(command.getSimpleName()).isTrue();
        }
    }

    @Test
    void buildsANewInstanceForEachDependencyAndOneSingletonPerWiring() throws Exception {
        DirectWiring direct = DirectWiring.of(context(Platform.LINUX), HookSyncLog.disabled());

        assertThat(direct.create(StatusCommand.class)).isNotSameAs(direct.create(StatusCommand.class));
        assertThat(direct.create(PriceTables.class)).isSameAs(direct.create(PriceTables.class));
        assertThat(direct.create(PriceTables.class))
                .isNotSameAs(DirectWiring.of(context(Platform.LINUX), HookSyncLog.disabled())
                        .create(PriceTables.class));
    }

    @Test
    void leavesInterfacesAndClassesWithoutAnInjectConstructorToOthers() throws Exception {
        DirectWiring direct = DirectWiring.of(context(Platform.LINUX), HookSyncLog.disabled());

        // DashboardCommand needs a BrowserOpener, which a provider class binds on the Unix-likes: Guice's to build.
        assertThat(direct.canBuild(DashboardCommand.class)).isFalse();
        assertThat(direct.canBuild(Runnable.class)).isFalse();
        // picocli's own helpers are built by picocli's factory
        assertThat(direct.create(VersionProvider.class).getVersion()[0]).startsWith("cc-telemetry ");
    }

    @Test
    void buildingAGraphCreatesNothingOnDisk() throws Exception {
        ProcessContext context = context(Platform.LINUX);
        DirectWiring direct = DirectWiring.of(context, HookSyncLog.disabled());

        for (Class<?> command : CliModule.INJECTED_COMMANDS) {
            if (direct.canBuild(command)) {
                assertThat(direct.create(command)).as(command.getSimpleName()).isInstanceOf(command);
            }
        }
        assertThat(Files.exists(context.environment().layout().home())).isFalse();
    }

    private ProcessContext context(Platform platform) {
        TelemetryEnvironment env = new TelemetryEnvironment(
                Map.of("CC_TELEMETRY_HOME", tmp.resolve("telemetry").toString()), tmp.resolve("user"), tmp);
        return new ProcessContext(env, Clock.systemUTC(), platform, Main.class);
    }
}
