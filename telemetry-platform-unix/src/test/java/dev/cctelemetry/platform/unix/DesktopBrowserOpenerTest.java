package dev.cctelemetry.platform.unix;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DesktopBrowserOpenerTest {

    @TempDir
    Path tmp;

    private final URI url = URI.create("http://127.0.0.1:8417/?token=abc-DEF_123");

    /** A stand-in opener on PATH that writes its arguments to a file. */
    private Path fakeOpener(String name) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + tmp.resolve("opened") + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void linuxDesktopOpensTheUrlWithXdgOpen() throws Exception {
        Path bin = fakeOpener("xdg-open");
        boolean started = new DesktopBrowserOpener(Map.of("PATH", bin.toString(), "DISPLAY", ":0"), false).open(url);
        assertThat(started).isTrue();
        Path opened = tmp.resolve("opened");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(opened) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(opened)).isEqualTo(url + "\n");
    }

    @Test
    void withoutADisplayNothingIsStarted() throws Exception {
        Path bin = fakeOpener("xdg-open");
        assertThat(new DesktopBrowserOpener(Map.of("PATH", bin.toString()), false).open(url)).isFalse();
        assertThat(new DesktopBrowserOpener(Map.of("PATH", bin.toString(), "DISPLAY", ""), false).command(url))
                .isEmpty();
        assertThat(tmp.resolve("opened")).doesNotExist();
    }

    @Test
    void waylandCountsAsADisplayAndMacOsUsesOpen() throws Exception {
        Path bin = fakeOpener("xdg-open");
        fakeOpener("open");
        assertThat(new DesktopBrowserOpener(Map.of("PATH", bin.toString(), "WAYLAND_DISPLAY", "wayland-0"), false)
                .command(url)).containsExactly(bin.resolve("xdg-open").toString(), url.toString());
        assertThat(new DesktopBrowserOpener(Map.of("PATH", bin.toString()), true).command(url))
                .containsExactly(bin.resolve("open").toString(), url.toString());
    }

    @Test
    void withoutAnOpenerOnPathNothingIsStarted() {
        assertThat(new DesktopBrowserOpener(Map.of("PATH", tmp.toString(), "DISPLAY", ":0"), false).open(url))
                .isFalse();
    }
}
