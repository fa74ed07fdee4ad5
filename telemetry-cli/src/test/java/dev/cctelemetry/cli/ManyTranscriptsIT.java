package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.testing.ManySessionsTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history of many small transcripts in a small heap (issue 18.3): memory must not grow with the number of
 * files beyond a small cost each. Before, 200 folders of 1,000 one-line sessions ran a 128 MiB heap out, and then
 * every later sync died before reading anything. Here 20,000 files must sync, sync again (the quick path), pick
 * up one change (the usual path, which looks checkpoints up window by window) and pass {@code doctor}, all in a
 * 32 MiB heap, which the old code ran out of on the first sync; and a heap that does run out says so in one line.
 */
class ManyTranscriptsIT {

    private static final int FOLDERS = 20;
    private static final int SESSIONS = 1_000;
    private static final List<String> SMALL_HEAP = List.of("-Xmx32m", "-XX:+UseSerialGC");

    /** One tree for both tests: writing 20,000 files is most of what they cost. */
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void transcripts() throws Exception {
        ManySessionsTree.write(shared.resolve("claude"), FOLDERS, SESSIONS);
    }

    @Test
    void twentyThousandTranscriptsSyncAndResyncInA32MebibyteHeap() throws Exception {
        Path claude = shared.resolve("claude");
        JarProcess cli = new JarProcess(tmp.resolve("run"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));

        JarProcess.Result first = run(cli, SMALL_HEAP, "sync");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("Synced 20,000 files (20,000 read", "20,000 new records");
        assertThat(first.stderr()).isEmpty();

        JarProcess.Result again = run(cli, SMALL_HEAP, "sync");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("Synced 20,000 files (0 read", "0 new records", "(20,000 records)");

        Files.writeString(ManySessionsTree.transcript(claude, 7, 500), ManySessionsTree.line(7, 500, 1),
                StandardOpenOption.APPEND);
        JarProcess.Result change = run(cli, SMALL_HEAP, "sync");
        assertThat(change.exitCode()).as(change.stderr()).isZero();
        assertThat(change.stdout()).contains("(1 read", "1 new record,", "(20,001 records)");

        JarProcess.Result doctor = run(cli, SMALL_HEAP, "doctor");
        assertThat(doctor.exitCode()).as(doctor.stdout() + doctor.stderr()).isIn(0, 3);
        assertThat(doctor.stdout()).contains("20,000 sessions, 20,000 files").contains("every transcript is synced");
        assertThat(doctor.stderr()).doesNotContain("memory", "\tat ");
    }

    @Test
    void aHeapThatRunsOutSaysSoInOneLineWithoutAStackTrace() throws Exception {
        Path claude = shared.resolve("claude");
        JarProcess cli = new JarProcess(tmp.resolve("run"), Map.of("CLAUDE_CONFIG_DIR", claude.toString()));
        JarProcess.Result r = run(cli, List.of("-Xmx8m", "-XX:+UseSerialGC"), "sync");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).doesNotContain("\tat ", "Exception in thread");
        assertThat(r.stderr().strip().lines().toList()).hasSize(2)
                .first().asString().startsWith("cc-telemetry: sync: out of memory");
    }

    private JarProcess.Result run(JarProcess cli, List<String> jvm, String... args) throws Exception {
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = cli.start(jvm, out, err, args);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("cc-telemetry %s finished", String.join(" ", args)).isTrue();
        return new JarProcess.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
