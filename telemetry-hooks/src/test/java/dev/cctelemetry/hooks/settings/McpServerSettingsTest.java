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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our MCP server in a real {@code .claude.json}: added, updated, removed, with the settings files' rules. */
class McpServerSettingsTest {

    private static final String JAVA = "/opt/java/bin/java";
    private static final List<String> ARGS = List.of("-Xmx128m", "-jar",
            "/home/u/.claude-telemetry/lib/cc-telemetry-0.1.0-abc.jar", "mcp");
    private static final Map<String, String> ENV = Map.of("CC_TELEMETRY_HOME", "/home/u/.claude-telemetry");
    private static final String STATE = """
            {
              "numStartups": 7,
              "mcpServers": {
                "github": {
                  "type": "stdio",
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-github"],
                  "env": {"GITHUB_TOKEN": "x"}
                }
              },
              "projects": {}
            }
            """;

    private final ObjectMapper mapper = new ObjectMapper();
    private final SettingsFileEditor editor = new SettingsFileEditor(
            Clock.fixed(Instant.parse("2026-12-07T10:20:30Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void addedBesideOtherServersAsClaudeMcpAddWritesItWithABackupAndAgainChangesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve(".claude.json"), STATE);

        SettingsEditResult added = editor.installMcpServer(file, JAVA, ARGS, ENV, EditMode.APPLY);
        byte[] after = Files.readAllBytes(file);
        SettingsEditResult again = editor.installMcpServer(file, JAVA, ARGS, ENV, EditMode.APPLY);

        assertThat(added.changed()).isTrue();
        assertThat(Files.readString(added.backup().orElseThrow())).isEqualTo(STATE);
        JsonNode root = mapper.readTree(file.toFile());
        assertThat(names(root)).containsExactly("numStartups", "mcpServers", "projects");
        assertThat(names(root.get("mcpServers"))).containsExactly("github", "cc-telemetry");
        assertThat(root.get("mcpServers").get("github")).isEqualTo(mapper.readTree(STATE).get("mcpServers")
                .get("github"));
        assertThat(root.get("mcpServers").get("cc-telemetry").toString()).isEqualTo("{\"type\":\"stdio\",\"command\":"
                + "\"/opt/java/bin/java\",\"args\":[\"-Xmx128m\",\"-jar\","
                + "\"/home/u/.claude-telemetry/lib/cc-telemetry-0.1.0-abc.jar\",\"mcp\"],"
                + "\"env\":{\"CC_TELEMETRY_HOME\":\"/home/u/.claude-telemetry\"}}");
        assertThat(again.changed()).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(after);
    }

    @Test
    void aNewerJarUpdatesOurEntryKeepingWhatTheUserAddedAndRemovalLeavesTheOthers() throws IOException {
        Path file = Files.writeString(dir.resolve(".claude.json"), "\uFEFF" + STATE);
        editor.installMcpServer(file, JAVA, ARGS, ENV, EditMode.APPLY);
        String withVar = Files.readString(file).replace("\"CC_TELEMETRY_HOME\"", "\"TZ\": \"Europe/Paris\",\n"
                + "        \"CC_TELEMETRY_HOME\"");
        Files.writeString(file, withVar);
        List<String> newer = List.of("-jar", "/home/u/.claude-telemetry/lib/cc-telemetry-0.2.0-def.jar", "mcp");

        editor.installMcpServer(file, JAVA, newer, ENV, EditMode.APPLY);
        JsonNode updated = mapper.readTree(Files.readString(file).substring(1)).get("mcpServers").get("cc-telemetry");
        SettingsEditResult removed = editor.removeMcpServer(file, EditMode.APPLY);

        assertThat(updated.get("args").get(1).asText()).endsWith("cc-telemetry-0.2.0-def.jar");
        assertThat(updated.get("env").get("TZ").asText()).isEqualTo("Europe/Paris");
        assertThat(removed.changed()).isTrue();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertThat(mapper.readTree(text.substring(1))).isEqualTo(mapper.readTree(STATE));
    }

    @Test
    void aServerOfOurNameThatIsNotOursIsNeitherReplacedNorRemovedAndBadJsonIsRefusedUntouched()
            throws IOException {
        String theirs = "{\"mcpServers\":{\"cc-telemetry\":{\"type\":\"stdio\",\"command\":\"my-own\",\"args\":[]}}}";
        Path file = Files.writeString(dir.resolve(".claude.json"), theirs);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"mcpServers\": {},}");

        assertThatThrownBy(() -> editor.installMcpServer(file, JAVA, ARGS, ENV, EditMode.APPLY))
                .isInstanceOf(ClaudeSettingsException.class).hasMessageContaining("does not run cc-telemetry");
        SettingsEditResult removed = editor.removeMcpServer(file, EditMode.APPLY);
        assertThatThrownBy(() -> editor.installMcpServer(bad, JAVA, ARGS, ENV, EditMode.APPLY))
                .isInstanceOf(ClaudeSettingsException.class);

        assertThat(removed.changed()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(theirs);
        assertThat(Files.readString(bad)).isEqualTo("{\"mcpServers\": {},}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".claude.json",
                    "bad.json");
        }
    }

    @Test
    void aMissingFileIsCreatedWithOurServerOnly() throws IOException {
        Path file = dir.resolve(".claude.json");

        editor.installMcpServer(file, JAVA, ARGS, ENV, EditMode.APPLY);

        assertThat(names(mapper.readTree(file.toFile()))).containsExactly("mcpServers");
        assertThat(editor.removeMcpServer(file, EditMode.APPLY).changed()).isTrue();
        assertThat(mapper.readTree(file.toFile()).get("mcpServers").isEmpty()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
