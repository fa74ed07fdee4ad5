package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick answer to a sync with nothing new ({@link QuickSync}) against the usual path: whenever it answers, it
 * prints what the usual sync prints (the elapsed time aside); after any change a sync would read, or any state the
 * usual path reports or repairs, it does not answer.
 */
class QuickSyncTest {

    private static final String SONNET = "claude-sonnet-4-20250514";

    @TempDir
    Path tmp;

    private Path claude;
    private Path home;
    private Path session;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @BeforeEach
    void transcripts() throws IOException {
        claude = tmp.resolve("claude");
        home = tmp.resolve("telemetry");
        session = claude.resolve("projects/-home-u-app/aaaaaaaa-0000-4000-8000-000000000001.jsonl");
        TranscriptBuilder.session("aaaaaaaa-0000-4000-8000-000000000001").user("hi")
                .assistant("msg_1", "req_1", SONNET, "2026-01-01T10:00:00.000Z", 10, 20, 0, 0, "end_turn")
                .assistant("msg_2", "req_2", SONNET, "2026-01-01T10:01:00.000Z", 11, 21, 0, 0, "end_turn")
                .writeTo(session);
        TranscriptBuilder.session("aaaaaaaa-0000-4000-8000-000000000002")
                .assistant("msg_3", "req_3", SONNET, "2026-01-02T10:00:00.000Z", 5, 6, 0, 0, "end_turn")
                .writeTo(claude.resolve("projects/-home-u-lib/aaaaaaaa-0000-4000-8000-000000000002.jsonl"));
    }

    private TelemetryEnvironment env() {
        return new TelemetryEnvironment(Map.of("CC_TELEMETRY_HOME", home.toString(), "CLAUDE_CONFIG_DIR",
                claude.toString()), tmp.resolve("user"), tmp);
    }

    /** The usual path, in this JVM. */
    private String sync(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, env(), clock, new PrintWriter(out, true), new PrintWriter(err, true),
                Platform.LINUX);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private Optional<String> quick(String... args) {
        StringWriter out = new StringWriter();
        Optional<Integer> code = QuickSync.tryRun(args, env(), clock, new PrintWriter(out, true));
        code.ifPresent(c -> assertThat(c).isZero());
        return code.map(c -> out.toString());
    }

    /** Output with the elapsed time masked: the only part that may differ. */
    private static String masked(String s) {
        return s.replaceAll("in \\d+\\.\\d\\d s", "in _ s").replaceAll("\"elapsedMillis\":\\d+", "\"elapsedMillis\":_");
    }

    private void assertQuickEqualsUsual(String... args) {
        Optional<String> quick = quick(args);
        assertThat(quick).as("the quick path answers %s", String.join(" ", args)).isPresent();
        assertThat(masked(quick.get())).isEqualTo(masked(sync(args)));
    }

    @Test
    void answersExactlyAsTheUsualSyncWhenNothingIsNewWithOrWithoutJson() {
        assertThat(quick("sync")).as("before any sync nothing is published").isEmpty();
        assertThat(sync("sync")).contains("3 new records");
        assertQuickEqualsUsual("sync");
        assertQuickEqualsUsual("sync", "--json");
        assertQuickEqualsUsual("sync", "--claude-dir", claude.toString());
        assertQuickEqualsUsual("sync", "--claude-dir=" + claude, "--json");
        assertThat(quick("sync").orElseThrow()).contains("Synced 2 files (0 read, 0 B)", "(3 records)");
    }

    @Test
    void recordsTheManualSyncForStatus() throws IOException {
        sync("sync");
        Path status = home.resolve("state/sync-manual.json");
        Files.delete(status);
        assertThat(quick("sync")).isPresent();
        assertThat(Files.readString(status)).contains("\"at\":\"2026-03-04T05:06:07Z\"", "\"ok\":true",
                "\"detail\":\"0 new records\"");
    }

    /** After {@code change}, the quick path does not answer; the usual sync does its work; then it answers again. */
    private void changeThenQuickDeclines(Consumer<Path> change) {
        sync("sync");
        assertThat(quick("sync")).isPresent();
        change.accept(session);
        assertThat(quick("sync")).isEmpty();
        sync("sync");
        assertQuickEqualsUsual("sync");
    }

    @Test
    void anyChangeToATranscriptIsLeftToTheUsualSync() throws IOException {
        changeThenQuickDeclines(f -> append(f, TranscriptBuilder.session("aaaaaaaa-0000-4000-8000-000000000001")
                .assistant("msg_9", "req_9", SONNET, "2026-01-01T11:00:00.000Z", 1, 2, 0, 0, "end_turn").text()));
        changeThenQuickDeclines(f -> touch(f, 1_000_000));
        changeThenQuickDeclines(f -> {
            try { // replaced by a copy: same bytes, another file
                Path copy = f.resolveSibling("copy.tmp");
                Files.copy(f, copy, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(copy, f, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        changeThenQuickDeclines(f -> write(f.resolveSibling("aaaaaaaa-0000-4000-8000-000000000003.jsonl"),
                TranscriptBuilder.session("aaaaaaaa-0000-4000-8000-000000000003")
                        .assistant("msg_4", "req_4", SONNET, "2026-01-03T10:00:00.000Z", 1, 1, 0, 0, "end_turn").text()));
    }

    @Test
    void aPartialLastLineIsExaminedOnceThenLeftUntilTheFileChanges() {
        sync("sync");
        append(session, "{\"type\":\"user\"");
        assertThat(quick("sync")).as("the file grew").isEmpty();
        assertThat(sync("sync")).as("the new tail is examined").contains("(1 read, ");
        // Neither path reads the unfinished line again while the file stays as it is (issue 18.12).
        assertThat(sync("sync")).contains("(0 read, ");
        assertQuickEqualsUsual("sync");
        append(session, "}\n");
        assertThat(quick("sync")).as("the file grew").isEmpty();
        assertThat(sync("sync")).as("the finished line is read").contains("(1 read, ");
        assertQuickEqualsUsual("sync");
    }

    @Test
    void aCommitFromAnywhereVoidsThePublishedCheckpoints() {
        sync("sync");
        Path other = tmp.resolve("other-claude");
        write(other.resolve("projects/-x/aaaaaaaa-0000-4000-8000-000000000009.jsonl"),
                TranscriptBuilder.session("aaaaaaaa-0000-4000-8000-000000000009")
                        .assistant("msg_8", "req_8", SONNET, "2026-01-05T10:00:00.000Z", 1, 1, 0, 0, "end_turn").text());
        Path published = home.resolve("telemetry.db-checkpoints");
        assertThat(published).exists();
        // Another root's sync commits: the copy is gone at its first commit and published again at its end.
        sync("sync", "--claude-dir", other.toString());
        assertQuickEqualsUsual("sync");
        assertThat(quick("sync").orElseThrow()).contains("(4 records)");
    }

    @Test
    void stateTheUsualSyncReportsOrRepairsIsLeftToIt() throws IOException {
        sync("sync");
        Path config = home.resolve("config.json");
        String original = Files.readString(config);

        Files.writeString(config, original.replace("}", ",\"store\":{\"url\":\"postgres://db/x\"}}"));
        assertThat(quick("sync")).as("a sync pushes to a configured store").isEmpty();
        Files.writeString(config, original.replace("\"machine_name\"", "\"machine_nam\""));
        assertThat(quick("sync")).as("a sync completes the config").isEmpty();
        Files.writeString(config, "{not json");
        assertThat(quick("sync")).as("a sync reports a broken config").isEmpty();
        Files.writeString(config, original);
        assertThat(quick("sync")).isPresent();

        Path moved = home.resolve("telemetry.db.aside");
        Files.move(home.resolve("telemetry.db"), moved);
        Files.copy(moved, home.resolve("telemetry.db"));
        assertThat(quick("sync")).as("another ledger file than the one published for").isEmpty();
        sync("sync");
        assertThat(quick("sync")).isPresent();

        deleteTree(home.resolve("state"));
        assertThat(quick("sync")).as("a sync says it recreated the state folder").isEmpty();
        assertThat(sync("sync")).contains("Recovered: the state folder was missing");
        assertThat(quick("sync")).isPresent();

        assertThat(quick("sync", "--claude-dir", tmp.resolve("nowhere").toString())).as("a sync reports it")
                .isEmpty();

        Files.writeString(home.resolve("state/sync.lock"), "1"); // a sync died holding the lock
        assertThat(quick("sync")).as("a sync says the last one was interrupted").isEmpty();
        assertThat(sync("sync")).contains("Recovered: the previous sync was interrupted");
        assertThat(quick("sync")).isPresent();
    }

    @Test
    void otherCommandLinesAreLeftToTheUsualParser() {
        sync("sync");
        assertThat(quick("sync")).isPresent();
        for (String[] args : new String[][] {{"sync", "--force"}, {"sync", "--verbose"}, {"sync", "--json", "--json"},
                {"sync", "--claude-dir"}, {"sync", "--claude-dir="}, {"sync", "--claude-dir", "--json"},
                {"sync", "-h"}, {"sync", "extra"}, {"report", "daily"}, {"--version"}, {}}) {
            assertThat(quick(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aTornPublishedCopyIsIgnored() throws IOException {
        sync("sync");
        Path published = home.resolve("telemetry.db-checkpoints");
        byte[] bytes = Files.readAllBytes(published);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(published, bytes);
        assertThat(quick("sync")).isEmpty();
        Files.write(published, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(quick("sync")).isEmpty();
    }

    private static void append(Path f, String text) {
        try {
            Files.writeString(f, text, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void touch(Path f, long laterMillis) {
        try {
            Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + laterMillis));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
