package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An 11 MB settings file (a long permission list, pretty-printed) edited in a JVM with the 128 MiB heap the
 * command runs with (issue 18.10: the dry run died with a raw OutOfMemoryError in the line diff). A child process,
 * because this test JVM's own heap is far larger.
 */
class LargeSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void elevenMegabyteSettingsAreShownAsOneLineAndEditedWithin128MiB() throws Exception {
        Path file = dir.resolve("settings.json");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\n  \"permissions\": {\n    \"allow\": [\n");
            for (int i = 0; i < 400_000; i++) {
                w.write("      \"Bash(command-" + i + ":*)\"" + (i < 399_999 ? ",\n" : "\n"));
            }
            w.write("    ]\n  }\n}\n");
        }
        assertThat(Files.size(file)).isGreaterThan(11_000_000L);

        List<String> dry = run(file, "--dry-run");
        assertThat(dry).first().isEqualTo("changed=true");
        assertThat(dry.get(1)).startsWith("(no line-by-line diff: " + file + " has ")
                .endsWith("characters, more than the 1,048,576 a diff is shown for)");

        List<String> applied = run(file);
        assertThat(applied).first().isEqualTo("changed=true");
        assertThat(Files.readString(file)).contains("cc-telemetry-stop.sh", "\"Bash(command-399999:*)\"");
    }

    private List<String> run(Path file, String... more) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classPath, HooksDryRun.class.getName(), file.toString()));
        cmd.addAll(List.of(more));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.contains(" INFO ")).toList();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
