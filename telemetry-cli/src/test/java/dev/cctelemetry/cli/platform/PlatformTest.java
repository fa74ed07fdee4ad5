package dev.cctelemetry.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.unix.SetsidDetacher;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import dev.cctelemetry.platform.windows.StartProcessDetacher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest
    @CsvSource({"Linux,UNIX", "Mac OS X,UNIX", "FreeBSD,UNIX", "SunOS,UNIX", "Windows 11,WINDOWS", "Windows 10,WINDOWS",
        "Windows Server 2022,WINDOWS", "windows,WINDOWS", "'',UNIX"})
    void detectsTheFamilyFromOsName(String osName, Platform expected) {
        assertThat(Platform.detect(osName)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"UNIX", "WINDOWS"})
    void eachPlatformModuleBindsItsOwnAdapters(Platform platform) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, platform.module());

        Class<?> detacher = platform == Platform.UNIX ? SetsidDetacher.class : StartProcessDetacher.class;
        Class<?> renderer = platform == Platform.UNIX ? PosixHookScriptRenderer.class
                : PowerShellHookScriptRenderer.class;
        assertThat(injector.getInstance(Detacher.class)).isInstanceOf(detacher);
        assertThat(injector.getInstance(HookScriptRenderer.class)).isInstanceOf(renderer);
        assertThat(injector.getInstance(Platform.class)).isEqualTo(platform);
    }
}
