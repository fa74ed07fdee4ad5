package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.4 beyond the report tables: {@code status} and {@code doctor} print values read from files (the
 * config's machine name, a hook's recorded error); an escape sequence in them must reach the terminal as text.
 */
class TerminalOutputTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";
    private static final String HOSTILE = "\u001b]0;owned\u0007\u001b[2J";

    @TempDir
    Path tmp;

    @Test
    void statusAndDoctorShowControlCharactersFromFilesAsEscapes() throws Exception {
        CliHarness cli = new CliHarness(tmp);
        cli.oneRecordSession(S1);
        assertThat(cli.run("sync").exitCode()).isZero();
        Path config = cli.telemetryHome.resolve("config.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(config.toFile());
        String nameField = root.has("machine_name") ? "machine_name" : "machineName";
        root.put(nameField, "laptop" + HOSTILE);
        Files.writeString(config, json.writeValueAsString(root));
        Files.writeString(cli.telemetryHome.resolve("state/hook-outcome.json"), "{\"at\":\"2026-01-02T03:00:00Z\","
                + "\"event\":\"stop\",\"session\":\"" + S1 + "\",\"ok\":false,\"error\":\"boom" + HOSTILE.replace(
                        "\u001b", "\\u001b").replace("\u0007", "\\u0007") + "\",\"added\":0,\"updated\":0,"
                + "\"elapsed_ms\":5}");

        String status = cli.run("status").stdout();
        String doctor = cli.run("doctor").stdout();

        for (String out : new String[] {status, doctor}) {
            assertThat(out.chars().filter(c -> c == 0x1b || c == 0x07)).isEmpty();
        }
        assertThat(status).contains("laptop\\x1b]0;owned\\x07\\x1b[2J");
    }
}
