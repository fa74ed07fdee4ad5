package dev.cctelemetry.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import dev.cctelemetry.platform.unix.LaunchAgentInstaller;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.unix.SetsidDetacher;
import dev.cctelemetry.platform.unix.SystemdUserUnitInstaller;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import dev.cctelemetry.platform.windows.StartProcessDetacher;
import dev.cctelemetry.platform.windows.TaskSchedulerInstaller;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PlatformTest {

    /** The process environment the application layer binds; the browser opener reads DISPLAY and PATH from it. */
    private static final Module ENVIRONMENT = binder -> binder.bind(TelemetryEnvironment.class)
            .toInstance(new TelemetryEnvironment(java.util.Map.of(), Path.of("/nonexistent-home"), Path.of("/")));

    @ParameterizedTest
    @CsvSource({"Linux,LINUX", "Mac OS X,MACOS", "Darwin,MACOS", "FreeBSD,UNIX", "SunOS,UNIX",
        "Windows 11,WINDOWS", "Windows 10,WINDOWS", "Windows Server 2022,WINDOWS", "windows,WINDOWS", "'',UNIX"})
    void detectsTheOsFromOsName(String osName, Platform expected) {
        assertThat(Platform.detect(osName)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eachPlatformModuleBindsItsOwnAdapters(Platform platform) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, platform.module(), ENVIRONMENT);

        boolean windows = platform == Platform.WINDOWS;
        assertThat(injector.getInstance(Detacher.class))
                .isInstanceOf(windows ? StartProcessDetacher.class : SetsidDetacher.class);
        assertThat(injector.getInstance(HookScriptRenderer.class))
                .isInstanceOf(windows ? PowerShellHookScriptRenderer.class : PosixHookScriptRenderer.class);
        Class<?> installer = switch (platform) {
            case LINUX -> SystemdUserUnitInstaller.class;
            case MACOS -> LaunchAgentInstaller.class;
            case UNIX -> UnsupportedServiceInstaller.class;
            case WINDOWS -> TaskSchedulerInstaller.class;
        };
        assertThat(injector.getInstance(ServiceInstaller.class)).isInstanceOf(installer);
        assertThat(injector.getInstance(Platform.class)).isEqualTo(platform);
    }

    @Test
    void anotherUnixRefusesAServicePlanWithTheAlternative() {
        ServiceInstaller none = Guice.createInjector(Platform.UNIX.module(), ENVIRONMENT).getInstance(ServiceInstaller.class);
        assertThat(none.canRunCommands(java.util.Map.of())).isFalse();
        assertThatThrownBy(() -> none.plan(null)).hasMessageContaining("daemon --background");
    }
}
