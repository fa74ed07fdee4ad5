package dev.cctelemetry.app.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarInstallerTest {

    @TempDir
    Path tmp;

    private final JarInstaller installer = new JarInstaller();

    @Test
    void aNewBuildGetsANewNameAndTheJarARunningWorkerUsesIsLeftAlone() throws IOException {
        Path lib = tmp.resolve("lib");
        Path v1 = Files.writeString(tmp.resolve("a.jar"), "build one");
        Path v2 = Files.writeString(tmp.resolve("b.jar"), "build two");

        JarInstaller.Plan first = installer.plan(v1, lib, "1.0");
        assertThat(installer.install(first)).isTrue();
        JarInstaller.Plan second = installer.plan(v2, lib, "1.0");
        assertThat(installer.install(second)).isTrue();

        assertThat(second.target()).isNotEqualTo(first.target());
        assertThat(Files.readString(first.target())).isEqualTo("build one");
        assertThat(Files.readString(second.target())).isEqualTo("build two");
        assertThat(first.target().getFileName().toString()).startsWith("cc-telemetry-1.0-").endsWith(".jar");
        assertThat(names(lib)).hasSize(2); // no temp files left behind
    }

    @Test
    void installingTheSameBuildAgainCopiesNothing() throws IOException {
        Path lib = tmp.resolve("lib");
        Path jar = Files.writeString(tmp.resolve("a.jar"), "build one");
        installer.install(installer.plan(jar, lib, "1.0"));
        long modified = Files.getLastModifiedTime(installer.plan(jar, lib, "1.0").target()).toMillis();

        JarInstaller.Plan again = installer.plan(jar, lib, "1.0");

        assertThat(again.alreadyInstalled()).isTrue();
        assertThat(installer.install(again)).isFalse();
        assertThat(Files.getLastModifiedTime(again.target()).toMillis()).isEqualTo(modified);
    }

    @Test
    void aDamagedCopyUnderTheRightNameIsReplaced() throws IOException {
        Path lib = tmp.resolve("lib");
        Path jar = Files.writeString(tmp.resolve("a.jar"), "build one");
        JarInstaller.Plan plan = installer.plan(jar, lib, "1.0/../x");
        installer.install(plan);
        Files.writeString(plan.target(), "trunc");

        JarInstaller.Plan again = installer.plan(jar, lib, "1.0/../x");

        assertThat(again.alreadyInstalled()).isFalse();
        installer.install(again);
        assertThat(Files.readString(plan.target())).isEqualTo("build one");
        assertThat(plan.target().getParent()).isEqualTo(lib.toAbsolutePath());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
