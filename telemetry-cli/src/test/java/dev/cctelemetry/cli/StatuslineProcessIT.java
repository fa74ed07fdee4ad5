package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cc-telemetry statusline} as Claude Code runs it: the shipped jar, the payload on stdin, a temp home. Every
 * payload, however broken, gives exit 0 and nothing on stderr.
 */
class StatuslineProcessIT {

    @TempDir
    Path dir;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(byte[] stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("user"), "-cp", JarProcess.jar().toString(), "dev.cctelemetry.cli.Main",
                "statusline"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        pb.environment().put("HOME", dir.resolve("user").toString());
        pb.environment().put("CC_TELEMETRY_HOME", dir.resolve("telemetry").toString());
        pb.environment().put("TZ", "UTC");
        pb.redirectOutput(dir.resolve("out").toFile());
        pb.redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // it stopped reading at its bound: that is the point of a bound
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void everyPayloadExitsZeroWithNothingOnStderr() throws Exception {
        String good = "{\"session_id\":\"s\",\"model\":{\"id\":\"claude-opus-5-5\",\"display_name\":\"Opus 5.5\"},"
                + "\"rate_limits\":{\"five_hour\":{\"used_percentage\":42,\"resets_at\":4102444800}}}\n";
        Run ok = run(good.getBytes(StandardCharsets.UTF_8));
        assertThat(ok).isEqualTo(new Run(0, "Opus 5.5 | 5h 42% (resets Fri 00:00)\n", ""));

        byte[] garbage = new byte[3 * 1024 * 1024];
        new Random(5).nextBytes(garbage);
        byte[] cut = good.substring(0, 60).getBytes(StandardCharsets.UTF_8);
        for (byte[] stdin : List.of(garbage, cut, new byte[0], "\u001b[2J{\"model\":".getBytes(StandardCharsets.UTF_8))) {
            Run r = run(stdin);
            assertThat(r.exit()).isZero();
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).doesNotContain("\u001b");
        }
    }
}
