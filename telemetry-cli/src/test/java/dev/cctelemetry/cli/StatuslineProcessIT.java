package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return run(stdin, "UTC");
    }

    /** A run with {@code tz} as TZ; null: TZ unset (the machine's /etc/localtime). */
    private Run run(byte[] stdin, String tz) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("user"), "-cp", JarProcess.jar().toString(), "dev.cctelemetry.cli.Main",
                "statusline"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        pb.environment().put("HOME", dir.resolve("user").toString());
        pb.environment().put("CC_TELEMETRY_HOME", dir.resolve("telemetry").toString());
        if (tz == null) {
            pb.environment().remove("TZ");
        } else {
            pb.environment().put("TZ", tz);
        }
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

    /**
     * The reset time is shown in the zone TZ names, as java.time places it: a zone with a 45-minute offset, both
     * sides of New York's daylight-saving change, garbage (the JVM's GMT) and TZ unset.
     */
    @Test
    void resetTimesAreLocalToTheZoneTzNames() throws Exception {
        Instant winter = Instant.parse("2030-01-04T00:00:00Z");
        Instant summer = Instant.parse("2030-07-05T00:00:00Z");
        Instant dstStart = Instant.parse("2030-03-10T07:30:00Z"); // 03:30 EDT, half an hour after the change
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        zones.put("Asia/Kathmandu", ZoneId.of("Asia/Kathmandu"));
        zones.put("America/New_York", ZoneId.of("America/New_York"));
        zones.put("Not/A_Zone", ZoneId.of("GMT"));
        zones.put(null, ZoneId.systemDefault()); // this JVM's zone: the same machine's /etc/localtime
        for (Map.Entry<String, ZoneId> z : zones.entrySet()) {
            for (Instant reset : List.of(winter, summer, dstStart)) {
                String payload = "{\"session_id\":\"s\",\"model\":{\"id\":\"claude-opus-5-5\",\"display_name\":"
                        + "\"Opus 5.5\"},\"rate_limits\":{\"five_hour\":{\"used_percentage\":42,\"resets_at\":"
                        + reset.getEpochSecond() + "}}}\n";
                ZonedDateTime local = reset.atZone(z.getValue());
                String expected = String.format("Opus 5.5 | 5h 42%% (resets %s %02d:%02d)%n",
                        local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), local.getHour(),
                        local.getMinute());
                assertThat(run(payload.getBytes(StandardCharsets.UTF_8), z.getKey()))
                        .as("TZ=%s, reset %s", z.getKey(), reset).isEqualTo(new Run(0, expected, ""));
            }
        }
    }
}
