package dev.cctelemetry.hooks.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileEditorTest {

    private static final HookRegistration REG = new HookRegistration(
            "\"/home/u/.claude-telemetry/hooks/cc-telemetry-stop.sh\"",
            "\"/home/u/.claude-telemetry/hooks/cc-telemetry-session-end.sh\"");

    private static final String OURS_ONLY = """
            {
              "hooks": {
                "Stop": [
                  {
                    "hooks": [
                      {
                        "type": "command",
                        "command": "\\"/home/u/.claude-telemetry/hooks/cc-telemetry-stop.sh\\""
                      }
                    ]
                  }
                ],
                "SessionEnd": [
                  {
                    "hooks": [
                      {
                        "type": "command",
                        "command": "\\"/home/u/.claude-telemetry/hooks/cc-telemetry-session-end.sh\\"",
                        "timeout": 10
                      }
                    ]
                  }
                ]
              }
            }
            """;

    @TempDir
    Path dir;

    private final SettingsFileEditor editor = editorAt("2026-09-01T10:20:30Z");

    private static SettingsFileEditor editorAt(String instant) {
        return new SettingsFileEditor(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private Path settings(String content) throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void emptyFileCountsAsEmptyObjectAndGetsBothHooks() throws IOException {
        Path file = settings("  \n");

        SettingsEditResult result = editor.install(file, REG, EditMode.APPLY);

        assertThat(result.changed()).isTrue();
        assertThat(Files.readString(file)).isEqualTo(OURS_ONLY);
    }

    @Test
    void missingFileAndDirectoryAreCreatedWithoutBackup() throws IOException {
        Path file = dir.resolve("config/.claude/settings.json");

        SettingsEditResult result = editor.install(file, REG, EditMode.APPLY);

        assertThat(Files.readString(file)).isEqualTo(OURS_ONLY);
        assertThat(result.backup()).isEmpty();
        assertThat(backups()).isEmpty();
    }

    @Test
    void fileWithoutHooksKeyKeepsItsKeysInOrderAndGainsHooksAtTheEnd() throws IOException {
        Path file = settings("{\"model\":\"opus\",\"env\":{\"A\":\"1\"},\"permissions\":{\"allow\":[\"Bash(ls)\"]}}");

        editor.install(file, REG, EditMode.APPLY);

        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"model\": \"opus\",\n  \"env\": {\n    \"A\": \"1\"\n  },\n"
                + "  \"permissions\": {\n    \"allow\": [\n      \"Bash(ls)\"\n    ]\n  },\n  \"hooks\": {");
        assertThat(text).contains("cc-telemetry-stop.sh", "cc-telemetry-session-end.sh").endsWith("}\n");
    }

    @Test
    void otherHooksOnTheSameEventsAreKeptBeforeOurs() throws IOException {
        Path file = settings("""
                {"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}],
                 "SessionEnd":[{"matcher":"clear","hooks":[{"type":"command","command":"cleanup.sh"}]}],
                 "PreToolUse":[{"matcher":"Bash","hooks":[{"type":"command","command":"guard.sh"}]}]}}
                """);

        editor.install(file, REG, EditMode.APPLY);

        HookInspection inspection = editor.inspect(file);
        assertThat(inspection.registered()).isTrue();
        String text = Files.readString(file);
        assertThat(text).contains("say done", "cleanup.sh", "\"matcher\": \"clear\"", "guard.sh");
        assertThat(text.indexOf("say done")).isLessThan(text.indexOf("cc-telemetry-stop.sh"));
        assertThat(text.indexOf("cleanup.sh")).isLessThan(text.indexOf("cc-telemetry-session-end.sh"));
    }

    @Test
    void ourOldEntryIsUpdatedInPlaceNotDuplicated() throws IOException {
        Path file = settings("""
                {"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"},
                   {"type":"command","command":"/old/path/cc-telemetry-stop.sh","async":true}]}],
                 "SessionEnd":[{"hooks":[{"type":"command","command":"/old/cc-telemetry-session-end.sh","timeout":3}]}]}}
                """);

        editor.install(file, REG, EditMode.APPLY);

        String text = Files.readString(file);
        assertThat(text).doesNotContain("/old/");
        assertThat(text.split("cc-telemetry-stop.sh", -1)).hasSize(2);
        assertThat(text.split("cc-telemetry-session-end.sh", -1)).hasSize(2);
        // Still inside the user's group, next to "say done", with the user's extra key kept.
        assertThat(text).contains("\"command\": \"say done\"\n          },\n          {\n            \"type\": \"command\","
                + "\n            \"command\": \"\\\"/home/u/.claude-telemetry/hooks/cc-telemetry-stop.sh\\\"\","
                + "\n            \"async\": true");
        assertThat(editor.inspect(file).sessionEndTimeoutSeconds()).hasValue(10);
    }

    @Test
    void runningInstallTwiceLeavesTheFileByteIdenticalAndMakesNoSecondBackup() throws IOException {
        Path file = settings("{\"model\": \"opus\"}");
        editor.install(file, REG, EditMode.APPLY);
        String afterFirst = sha256(file);
        List<Path> backupsAfterFirst = backups();

        SettingsEditResult second = editorAt("2026-09-01T11:00:00Z").install(file, REG, EditMode.APPLY);

        assertThat(second.changed()).isFalse();
        assertThat(second.diff()).isEmpty();
        assertThat(second.backup()).isEmpty();
        assertThat(sha256(file)).isEqualTo(afterFirst);
        assertThat(backups()).isEqualTo(backupsAfterFirst).hasSize(1);
    }

    @Test
    void backupHoldsTheOriginalBytesAndIsMadeOncePerChange() throws IOException {
        String original = "{\"model\": \"opus\"}";
        Path file = settings(original);

        SettingsEditResult installed = editor.install(file, REG, EditMode.APPLY);
        SettingsEditResult removed = editorAt("2026-09-02T08:00:00Z").remove(file, EditMode.APPLY);

        assertThat(installed.backup()).hasValue(dir.resolve("settings.json.cc-telemetry-backup-20260901T102030Z"));
        assertThat(Files.readString(installed.backup().orElseThrow())).isEqualTo(original);
        assertThat(removed.backup()).hasValue(dir.resolve("settings.json.cc-telemetry-backup-20260902T080000Z"));
        assertThat(backups()).hasSize(2);
        assertThat(Files.readString(file)).isEqualTo("{\n  \"model\": \"opus\"\n}\n");
    }

    @Test
    void commentsAndTrailingCommasAreRefusedAndTheFileIsUnchanged() throws IOException {
        for (String malformed : List.of(
                "{\n  // my settings\n  \"model\": \"opus\"\n}\n",
                "{\n  \"model\": \"opus\",\n}\n",
                "{\"hooks\": {\"Stop\": [1, 2,]}}",
                "{\"model\": \"opus\"} {}",
                "{'model': 'opus'}")) {
            Path file = settings(malformed);
            String before = sha256(file);

            assertThatThrownBy(() -> editor.install(file, REG, EditMode.APPLY))
                    .isInstanceOf(ClaudeSettingsException.class)
                    .hasMessageContaining("invalid or malformed JSON")
                    .hasMessageContaining(file.toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(sha256(file)).as(malformed).isEqualTo(before);
        }
        assertThat(backups()).isEmpty();
    }

    @Test
    void hooksThatIsNotAnObjectIsRefusedAndTheFileIsUnchanged() throws IOException {
        Path file = settings("{\"hooks\": [\"Stop\"]}");
        String before = sha256(file);

        assertThatThrownBy(() -> editor.install(file, REG, EditMode.APPLY))
                .isInstanceOf(ClaudeSettingsException.class)
                .hasMessageContaining("\"hooks\" is an array, not an object");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void eventThatIsNotAnArrayOrTopLevelThatIsNotAnObjectIsRefused() throws IOException {
        Path file = settings("{\"hooks\": {\"Stop\": {\"command\": \"x\"}}}");
        assertThatThrownBy(() -> editor.remove(file, EditMode.APPLY))
                .hasMessageContaining("\"hooks.Stop\" is an object, not an array");

        Path list = settings("[]");
        String before = sha256(list);
        assertThatThrownBy(() -> editor.install(list, REG, EditMode.APPLY))
                .hasMessageContaining("top level is an array");
        assertThat(sha256(list)).isEqualTo(before);
    }

    @Test
    void utf8ByteOrderMarkIsAcceptedAndKept() throws IOException {
        Path file = dir.resolve("settings.json");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(file, concat(bom, "{\"model\": \"opus\"}".getBytes(StandardCharsets.UTF_8)));

        editor.install(file, REG, EditMode.APPLY);

        byte[] written = Files.readAllBytes(file);
        assertThat(written).startsWith(bom);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8))
                .startsWith("{\n  \"model\": \"opus\",\n  \"hooks\"");
    }

    @Test
    void windowsLineEndingsAreKept() throws IOException {
        Path file = settings("{\r\n  \"model\": \"opus\"\r\n}\r\n");

        editor.install(file, REG, EditMode.APPLY);

        assertThat(Files.readString(file)).startsWith("{\r\n  \"model\": \"opus\",\r\n").doesNotContain("}\n");
    }

    @Test
    void readOnlyFileIsRefusedAndUnchanged() throws IOException {
        Path file = settings("{\"model\": \"opus\"}");
        assumeTrue(posix());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String before = sha256(file);

        assertThatThrownBy(() -> editor.install(file, REG, EditMode.APPLY))
                .isInstanceOf(ClaudeSettingsException.class)
                .hasMessageContaining("read-only");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void dryRunOnReadOnlyFileWarnsInsteadOfFailing() throws IOException {
        Path file = settings("{}");
        assumeTrue(posix());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        SettingsEditResult result = editor.install(file, REG, EditMode.DRY_RUN);

        assertThat(result.changed()).isTrue();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("read-only"));
        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    @Test
    void unreadableSettingsPathIsRefused() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("settings.json"));

        assertThatThrownBy(() -> editor.install(notAFile, REG, EditMode.APPLY))
                .isInstanceOf(ClaudeSettingsException.class)
                .hasMessageContaining("not a regular file");
        assertThat(Files.isDirectory(notAFile)).isTrue();
    }

    @Test
    void filePermissionsAreKept() throws IOException {
        assumeTrue(posix());
        Path file = settings("{}");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, mode);

        editor.install(file, REG, EditMode.APPLY);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(mode);
    }

    @Test
    void symlinkedSettingsEditsTheTargetAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("claude-settings.json");
        Files.writeString(real, "{\"model\": \"opus\"}");
        Path claudeDir = Files.createDirectories(dir.resolve(".claude"));
        Path link = claudeDir.resolve("settings.json");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symlinks not available: " + e);
        }

        editor.install(link, REG, EditMode.APPLY);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(Files.readString(real)).contains("cc-telemetry-stop.sh", "\"model\": \"opus\"");
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).containsExactly(real);
        }
    }

    @Test
    void removeDeletesOnlyOurHandlersAndLeavesOthers() throws IOException {
        Path file = settings("""
                {"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}],
                 "SessionEnd":[{"hooks":[{"type":"command","command":"cleanup.sh"}]}]},
                 "model":"opus"}
                """);
        JsonNode userOnly = parse(Files.readString(file));
        editor.install(file, REG, EditMode.APPLY);

        SettingsEditResult removed = editorAt("2026-09-03T00:00:00Z").remove(file, EditMode.APPLY);

        assertThat(removed.changed()).isTrue();
        String text = Files.readString(file);
        assertThat(text).doesNotContain("cc-telemetry").contains("say done", "cleanup.sh", "\"model\": \"opus\"");
        assertThat(parse(text)).isEqualTo(userOnly);
    }

    @Test
    void removeOfOurOnlyHooksDropsTheHooksKeyWeEmptied() throws IOException {
        Path file = settings("{\"model\": \"opus\"}");
        editor.install(file, REG, EditMode.APPLY);

        editorAt("2026-09-03T00:00:00Z").remove(file, EditMode.APPLY);

        assertThat(Files.readString(file)).isEqualTo("{\n  \"model\": \"opus\"\n}\n");
    }

    @Test
    void removeOnMissingFileCreatesNothing() {
        Path file = dir.resolve("settings.json");

        SettingsEditResult result = editor.remove(file, EditMode.APPLY);

        assertThat(result.changed()).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void disableAllHooksAndManagedOnlyGiveWarningsNotErrors() throws IOException {
        Path file = settings("{\"disableAllHooks\": true, \"allowManagedHooksOnly\": true}");

        SettingsEditResult result = editor.install(file, REG, EditMode.APPLY);

        assertThat(result.changed()).isTrue();
        assertThat(result.warnings()).hasSize(2);
        assertThat(result.warnings().get(0)).contains("hooks will not run", "disableAllHooks");
        assertThat(result.warnings().get(1)).contains("hooks will not run", "allowManagedHooksOnly");
    }

    @Test
    void dryRunReturnsTheDiffAndWritesNothing() throws IOException {
        Path file = settings("{\"model\": \"opus\"}");
        String before = sha256(file);

        SettingsEditResult result = editor.install(file, REG, EditMode.DRY_RUN);

        assertThat(result.changed()).isTrue();
        assertThat(result.backup()).isEmpty();
        assertThat(result.diff()).startsWith("--- " + file + "\n+++ " + file + "\n@@ -1,1 +1,")
                .contains("\n-{\"model\": \"opus\"}\n", "\n+  \"model\": \"opus\",\n",
                        "\n+            \"command\": \"\\\"/home/u/.claude-telemetry/hooks/cc-telemetry-stop.sh\\\"\"\n");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(backups()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void hooksNamedTwiceSaysWhichOneCountsAndEditsThatOne() throws IOException {
        Path file = settings("""
                {
                  "hooks": {"Stop": [{"hooks": [{"type": "command", "command": "first.sh"}]}]},
                  "model": "opus",
                  "hooks": {"Stop": [{"hooks": [{"type": "command", "command": "second.sh"}]}]}
                }
                """);

        SettingsEditResult result = editor.install(file, REG, EditMode.APPLY);

        assertThat(result.warnings()).containsExactly("\"hooks\" appears 2 times in " + file + " (lines 2, 4):"
                + " Claude Code reads only the last one (line 4), which is the one cc-telemetry edits; the file"
                + " written keeps only that one");
        assertThat(Files.readString(file)).contains("second.sh", "cc-telemetry-stop.sh").doesNotContain("first.sh");
        assertThat(editor.install(file, REG, EditMode.APPLY).warnings()).isEmpty();
    }

    @Test
    void dryRunOnMissingFileCreatesNothing() {
        Path file = dir.resolve(".claude/settings.local.json");

        SettingsEditResult result = editor.install(file, REG, EditMode.DRY_RUN);

        assertThat(result.changed()).isTrue();
        assertThat(result.diff()).contains("@@ -0,0 +1,");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void inspectReportsRegistrationTimeoutAndFlags() throws IOException {
        Path file = settings("{\"disableAllHooks\": true}");
        editor.install(file, new HookRegistration("/x/cc-telemetry-stop.sh", "/x/cc-telemetry-session-end.sh", 30),
                EditMode.APPLY);

        HookInspection inspection = editor.inspect(file);

        assertThat(inspection.parses()).isTrue();
        assertThat(inspection.stopCommand()).hasValue("/x/cc-telemetry-stop.sh");
        assertThat(inspection.sessionEndCommand()).hasValue("/x/cc-telemetry-session-end.sh");
        assertThat(inspection.sessionEndTimeoutSeconds()).hasValue(30);
        assertThat(inspection.disableAllHooks()).isTrue();
        assertThat(inspection.allowManagedHooksOnly()).isFalse();
    }

    @Test
    void inspectReportsTheLineOfASyntaxError() throws IOException {
        Path file = settings("{\n  \"model\": \"opus\",\n  // comment\n}\n");

        HookInspection inspection = editor.inspect(file);

        assertThat(inspection.exists()).isTrue();
        assertThat(inspection.parses()).isFalse();
        assertThat(inspection.problemLine()).hasValue(3);
        assertThat(inspection.problem().orElseThrow()).contains("invalid or malformed JSON");
        assertThat(inspection.registered()).isFalse();
    }

    @Test
    void inspectOfMissingFileSaysSoWithoutProblem() {
        HookInspection inspection = editor.inspect(dir.resolve("nope.json"));

        assertThat(inspection.exists()).isFalse();
        assertThat(inspection.parses()).isTrue();
        assertThat(inspection.registered()).isFalse();
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".cc-telemetry-backup-")).sorted().toList();
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static JsonNode parse(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
