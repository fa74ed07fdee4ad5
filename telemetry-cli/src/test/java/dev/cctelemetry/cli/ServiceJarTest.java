package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.platform.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17.2: a service installed without {@code setup-hooks} runs a versioned copy of the jar under
 * {@code ~/.claude-telemetry/lib/}, never the checkout's build output that the next {@code mvnw clean} deletes; and
 * {@code doctor} says when the jar a service runs is gone.
 */
class ServiceJarTest {

    @TempDir
    Path tmp;

    private CliHarness cli(Platform platform) throws IOException {
        CliHarness cli = new CliHarness(tmp);
        cli.platform = platform;
        Path build = tmp.resolve("checkout/telemetry-cli/target/cc-telemetry.jar");
        Files.createDirectories(build.getParent());
        Files.write(build, "the jar the build made".getBytes(StandardCharsets.UTF_8));
        cli.runningJar = Optional.of(build); // tests run from classes; the harness stands in the jar
        return cli;
    }

    private static Path serviceFile(CliHarness cli, Platform platform) {
        return switch (platform) {
            case LINUX -> cli.userHome.resolve(".config/systemd/user/cc-telemetry.service");
            case MACOS -> cli.userHome.resolve("Library/LaunchAgents/dev.cctelemetry.daemon.plist");
            case WINDOWS -> cli.telemetryHome.resolve("service/cc-telemetry-daemon.xml");
            default -> throw new IllegalArgumentException(platform.name());
        };
    }

    private static String read(Path file, Platform platform) throws IOException {
        return new String(Files.readAllBytes(file),
                platform == Platform.WINDOWS ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    private static List<Path> jarsIn(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
        }
    }

    private static String daemonLine(String doctorOut) {
        return doctorOut.lines().filter(l -> l.startsWith("Daemon / service")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "MACOS", "WINDOWS"})
    void installServiceWithoutHooksRunsACopyUnderLibThatOutlivesTheBuildTree(Platform platform) throws Exception {
        CliHarness cli = cli(platform);
        Path build = cli.runningJar.orElseThrow();

        CliHarness.Result r = cli.run("install-service");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        List<Path> jars = jarsIn(cli.telemetryHome.resolve("lib"));
        assertThat(jars).hasSize(1);
        Path copy = jars.get(0);
        assertThat(copy.getFileName().toString()).matches("cc-telemetry-.+-[0-9a-f]{12}\\.jar");
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(build));
        String unit = read(serviceFile(cli, platform), platform);
        assertThat(unit).contains(copy.toString()).doesNotContain(build.toString());
        assertThat(r.stdout()).containsOnlyOnce("Jar:      " + copy + " (installed)");

        // The checkout is cleaned: the service still has its jar.
        Files.delete(build);
        cli.runningJar = Optional.empty();
        assertThat(daemonLine(cli.run("doctor").stdout())).doesNotContain("✗");

        // The copy is deleted: doctor says the service cannot start, and how to fix it.
        Files.delete(copy);
        CliHarness.Result doctor = cli.run("doctor");
        assertThat(doctor.exitCode()).isEqualTo(3);
        assertThat(daemonLine(doctor.stdout())).contains("✗").contains(copy + ", which no longer exists");
        assertThat(doctor.stdout()).contains("cc-telemetry install-service");
    }

    @Test
    void setupWithHooksAndServiceInstallsAndNamesTheJarOnce() throws Exception {
        CliHarness cli = cli(Platform.LINUX);

        CliHarness.Result r = cli.run("setup", "--non-interactive", "--hooks", "--service", "--no-sync");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        Path copy = jarsIn(cli.telemetryHome.resolve("lib")).get(0);
        assertThat(r.stdout()).containsOnlyOnce("Jar:").contains("Jar:      " + copy + " (installed)")
                .doesNotContain("already installed");
        assertThat(read(serviceFile(cli, Platform.LINUX), Platform.LINUX)).contains(copy.toString());
    }
}
