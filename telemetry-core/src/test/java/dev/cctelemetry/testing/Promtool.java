package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own checker of the exposition format ({@code promtool check metrics}, Debian package
 * {@code prometheus}, installed by {@code .ci/install-tools.sh}): a scrape it accepts is one Prometheus ingests.
 */
public final class Promtool {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /**
     * Asserts that promtool accepts {@code exposition} and has no lint to report. Skips the test when promtool is
     * not installed (fails it under CI=true).
     */
    public static void assertAccepts(String exposition) throws IOException, InterruptedException {
        RequiredInCi.assumeAvailable(Files.isExecutable(PROMTOOL),
                "promtool not installed (Debian package prometheus; .ci/install-tools.sh installs it)");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue()).as("promtool check metrics said: %s", said).isZero();
        assertThat(said.strip()).as("promtool's lint").isEmpty();
    }
}
