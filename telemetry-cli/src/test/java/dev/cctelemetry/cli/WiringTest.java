package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.platform.Platform;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole command tree builds through Guice on both platforms (picocli creates every subcommand up front). */
class WiringTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Platform.class)
    void everyCommandIsBuiltOnEachPlatform(Platform platform) {
        CliHarness cli = new CliHarness(tmp);
        cli.platform = platform;

        CliHarness.Result help = cli.run("--help");

        assertThat(help.exitCode()).as(help.stderr()).isZero();
        assertThat(help.stdout()).contains("setup-hooks", "remove-hooks").doesNotContain("hook-run");
        assertThat(cli.run("setup-hooks", "--help").stdout()).contains("--scope", "--dry-run", "--stop-window");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eachCommandClassResolvesOnEachPlatform(Platform platform) {
        CliHarness cli = new CliHarness(tmp);
        cli.platform = platform;
        for (Class<?> command : RootCommand.class.getAnnotation(picocli.CommandLine.Command.class).subcommands()) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            if (name.equals("hook-run") || name.equals("help")) {
                continue; // hook-run prints nothing by design; help is picocli's
            }
            CliHarness.Result r = cli.run(name, "--help");
            assertThat(r.exitCode()).as(platform + " " + name + ": " + r.stderr()).isZero();
        }
    }
}
