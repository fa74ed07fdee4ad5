package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our statusLine in a real settings file: set, found, restored, with the hooks' file rules. */
class StatusLineSettingsTest {

    private static final String OURS = "'/home/u/.claude-telemetry/hooks/cc-telemetry-statusline.sh'";
    private static final String THEIRS = """
            {
              "model": "opus",
              "statusLine": {
                "type": "command",
                "command": "~/.claude/my-line.sh",
                "padding": 2
              },
              "theme": "dark"
            }
            """;

    private final ObjectMapper mapper = new ObjectMapper();
    private final SettingsFileEditor editor = new SettingsFileEditor(
            Clock.fixed(Instant.parse("2026-12-07T10:20:30Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void oursReplacesTheirsInItsPlaceWithABackupAndRestoringPutsTheirsBackByteForByte() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), THEIRS);
        Optional<JsonNode> previous = editor.statusLine(file);

        SettingsEditResult installed = editor.installStatusLine(file, OURS, EditMode.APPLY);

        assertThat(previous.orElseThrow().get("command").asText()).isEqualTo("~/.claude/my-line.sh");
        assertThat(installed.changed()).isTrue();
        assertThat(installed.backup()).isPresent();
        assertThat(Files.readString(installed.backup().get())).isEqualTo(THEIRS);
        JsonNode root = mapper.readTree(file.toFile());
        assertThat(fieldNames(root)).containsExactly("model", "statusLine", "theme");
        assertThat(root.get("statusLine").toString())
                .isEqualTo("{\"type\":\"command\",\"command\":\"" + OURS + "\",\"padding\":0}");

        assertThat(editor.installStatusLine(file, OURS, EditMode.APPLY).changed()).as("idempotent").isFalse();

        editor.restoreStatusLine(file, previous, EditMode.APPLY);
        assertThat(Files.readString(file)).isEqualTo(THEIRS);
    }

    @Test
    void restoringWithNothingBeforeRemovesOursAndLeavesAStatusLineThatIsNotOursAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"a\":1}\n");
        editor.installStatusLine(file, OURS, EditMode.APPLY);
        editor.restoreStatusLine(file, Optional.empty(), EditMode.APPLY);
        assertThat(mapper.readTree(file.toFile()).toString()).isEqualTo("{\"a\":1}");

        Path theirs = Files.writeString(dir.resolve("theirs.json"), THEIRS);
        SettingsEditResult untouched = editor.restoreStatusLine(theirs, Optional.empty(), EditMode.APPLY);
        assertThat(untouched.changed()).isFalse();
        assertThat(Files.readString(theirs)).isEqualTo(THEIRS);
    }

    @Test
    void anUpdatedCommandKeepsWhatTheUserAddedToOurStatusLine() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"statusLine\":{\"type\":\"command\","
                + "\"command\":\"/old/cc-telemetry-statusline.sh\",\"padding\":1,\"refreshInterval\":5}}");

        editor.installStatusLine(file, OURS, EditMode.APPLY);

        JsonNode line = mapper.readTree(file.toFile()).get("statusLine");
        assertThat(line.get("command").asText()).isEqualTo(OURS);
        assertThat(line.get("padding").asInt()).isEqualTo(1);
        assertThat(line.get("refreshInterval").asInt()).isEqualTo(5);
    }

    @Test
    void aBomIsKeptABadFileIsRefusedUntouchedAndADryRunWritesNothing() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path withBom = dir.resolve("bom.json");
        Files.write(withBom, concat(bom, "{}".getBytes(StandardCharsets.UTF_8)));
        editor.installStatusLine(withBom, OURS, EditMode.APPLY);
        assertThat(Files.readAllBytes(withBom)).startsWith(bom);

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"statusLine\": {}, // comment\n}");
        assertThatThrownBy(() -> editor.installStatusLine(bad, OURS, EditMode.APPLY))
                .isInstanceOf(ClaudeSettingsException.class).hasMessageContaining("Refusing to edit");
        assertThat(Files.readString(bad)).isEqualTo("{\"statusLine\": {}, // comment\n}");

        Path dry = Files.writeString(dir.resolve("dry.json"), THEIRS);
        SettingsEditResult result = editor.installStatusLine(dry, OURS, EditMode.DRY_RUN);
        assertThat(result.diff()).contains("cc-telemetry-statusline");
        assertThat(Files.readString(dry)).isEqualTo(THEIRS);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("dry.json.cc-telemetry-backup")))
                    .isEmpty();
        }
    }

    @Test
    void commandsAreReadOnlyFromCommandStatusLines() throws IOException {
        assertThat(StatusLineSettings.command(mapper.readTree("{\"type\":\"command\",\"command\":\"x\"}"))).contains("x");
        assertThat(StatusLineSettings.command(mapper.readTree("{\"command\":\"x\"}"))).contains("x");
        assertThat(StatusLineSettings.command(mapper.readTree("{\"type\":\"static\",\"command\":\"x\"}"))).isEmpty();
        assertThat(StatusLineSettings.command(mapper.readTree("\"x\""))).isEmpty();
        assertThat(StatusLineSettings.isOurs(mapper.readTree("{\"command\":\"" + "a/cc-telemetry-statusline.sh\"}")))
                .isTrue();
        assertThatThrownBy(() -> new StatusLineSettings().install(mapper.createObjectNode(), "other.sh"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
