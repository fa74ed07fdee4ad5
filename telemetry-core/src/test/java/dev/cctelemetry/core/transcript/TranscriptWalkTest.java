package dev.cctelemetry.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk hands out transcripts in the order in which the ledger (SQLite, UTF-8 bytes) sorts their paths, so a
 * caller can match them with checkpoints a window at a time, reading a sorted copy front to back.
 */
class TranscriptWalkTest {

    @TempDir
    Path tmp;

    @Test
    void filesComeInTheLedgersPathOrderWhateverTheirNames() throws IOException {
        Path root = tmp.resolve("claude");
        // Names whose order differs between "folder first" and path order, and between UTF-16 and UTF-8 order.
        String[] names = {"a", "a-b", "a.b", "a0", "A", "s", "s-1", "s.x", "é", "\uE000x", "\uD83D\uDE00x", "~", " s"};
        Random rnd = new Random(3);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String project = names[rnd.nextInt(names.length)];
            String session = names[rnd.nextInt(names.length)];
            Path dir = root.resolve("projects").resolve("-p" + project);
            Path main = dir.resolve(session + ".jsonl");
            Path sub = dir.resolve(session).resolve("subagents").resolve("agent-" + names[rnd.nextInt(names.length)]
                    + ".jsonl");
            for (Path p : List.of(main, sub)) {
                if (!Files.exists(p)) {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, "{}\n");
                    expected.add(p.toString());
                }
            }
        }
        expected.sort(PathOrder.INSTANCE);
        TranscriptWalk walk = new TranscriptDiscovery().walk(List.of(new ClaudeRoot(root)), Set.of());
        List<String> walked = new ArrayList<>();
        while (walk.hasNext()) {
            walked.add(walk.next().path().toString());
        }
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void pathOrderIsTheOrderOfUtf8Bytes() {
        String[] s = {"a", "ab", "a/b", "a-b", "\uE000", "\uFFFF", "\uD83D\uDE00", "é", "z"};
        for (String x : s) {
            for (String y : s) {
                byte[] bx = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] by = y.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(Integer.signum(PathOrder.INSTANCE.compare(x, y)))
                        .as("%s vs %s", x, y).isEqualTo(Integer.signum(java.util.Arrays.compareUnsigned(bx, by)));
            }
        }
    }

    @Test
    void aWindowHoldsAtMostItsSizeAndItsBoundsCoverEveryFile() throws IOException {
        Path root = tmp.resolve("claude");
        for (int i = 0; i < 25; i++) {
            Path p = root.resolve("projects/-p" + (i % 4) + "/s" + i + ".jsonl");
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{}\n");
        }
        TranscriptWindows windows = new TranscriptWindows(
                new TranscriptDiscovery().walk(List.of(new ClaudeRoot(root)), Set.of()), f -> true, 4);
        int seen = 0;
        String previousLast = null;
        for (TranscriptWindows.Window w = windows.next(); !w.isEmpty(); w = windows.next()) {
            assertThat(w.files()).hasSizeLessThanOrEqualTo(4);
            for (TranscriptFile f : w.files()) {
                assertThat(PathOrder.INSTANCE.compare(f.path().toString(), w.first())).isNotNegative();
                assertThat(PathOrder.INSTANCE.compare(f.path().toString(), w.last())).isNotPositive();
            }
            if (previousLast != null) {
                assertThat(PathOrder.INSTANCE.compare(w.first(), previousLast)).isPositive();
            }
            previousLast = w.last();
            seen += w.files().size();
        }
        assertThat(seen).isEqualTo(windows.files()).isEqualTo(25);
    }
}
