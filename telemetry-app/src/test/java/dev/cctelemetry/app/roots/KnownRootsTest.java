package dev.cctelemetry.app.roots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one registry of {@code state/roots.json}: every format earlier writers left is read; writers never lose a root. */
class KnownRootsTest {

    @TempDir
    Path tmp;

    private KnownRoots registry() {
        return new KnownRoots(tmp.resolve("state/roots.json"), new FileSyncLock(tmp.resolve("state/roots.lock")));
    }

    private Path root(String name) throws Exception {
        Path r = tmp.resolve(name);
        Files.createDirectories(r.resolve("projects"));
        return r;
    }

    @Test
    void readsTheObjectTheHookWrote() throws Exception {
        Path a = root("a");
        Files.createDirectories(tmp.resolve("state"));
        Files.writeString(tmp.resolve("state/roots.json"), "{\"roots\":[\"" + a + "\"]}");
        assertThat(registry().existing()).containsExactly(new ClaudeRoot(a));
    }

    @Test
    void readsTheOtherShapesTheDaemonAcceptedAndSkipsWhatIsNoRoot() throws Exception {
        Path a = root("a");
        Path b = root("b");
        Path c = root("c");
        Files.createDirectories(tmp.resolve("state"));
        // A bare array, an object with path, one with dir, a projects/ folder, a missing root, junk.
        Files.writeString(tmp.resolve("state/roots.json"), "[\"" + a + "\", {\"path\":\"" + b + "\"}, {\"dir\":\""
                + c.resolve("projects") + "\"}, \"" + tmp.resolve("gone") + "\", 7, \"relative\"]");
        KnownRoots r = registry();
        assertThat(r.existing()).containsExactly(new ClaudeRoot(a), new ClaudeRoot(b), new ClaudeRoot(c));
        assertThat(r.recorded()).as("a root whose disk is gone stays recorded").contains(
                new ClaudeRoot(tmp.resolve("gone")));
    }

    @Test
    void aMissingOrMalformedFileAddsNothing() throws Exception {
        assertThat(registry().existing()).isEmpty();
        Files.createDirectories(tmp.resolve("state"));
        Files.writeString(tmp.resolve("state/roots.json"), "{not json");
        assertThat(registry().existing()).isEmpty();
    }

    @Test
    void recordingAddsNewRootsInTheHookFormatAndKeepsOldOnes() throws Exception {
        Path a = root("a");
        Path b = root("b");
        KnownRoots r = registry();
        r.record(List.of(new ClaudeRoot(a)));
        r.record(List.of(new ClaudeRoot(b), new ClaudeRoot(a)));
        assertThat(r.existing()).containsExactly(new ClaudeRoot(a), new ClaudeRoot(b));
        assertThat(Files.readString(tmp.resolve("state/roots.json"))).contains("\"roots\"");
    }

    @Test
    void writersRecordingDifferentRootsAtOnceKeepThemAll() throws Exception {
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            roots.add(root("r" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path p : roots) {
                // A registry per writer, as each hook worker process has its own.
                done.add(pool.submit(() -> {
                    registry().record(List.of(new ClaudeRoot(p)));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry().existing()).hasSize(16);
    }

    @Test
    void theHookAndTheDaemonScanTheEnvironmentsRootsPlusTheRecordedOnes() throws Exception {
        Path env = root("env-claude");
        Path hooked = root("hooked-claude");
        TelemetryEnvironment environment = new TelemetryEnvironment(Map.of("CLAUDE_CONFIG_DIR", env.toString(),
                "CC_TELEMETRY_HOME", tmp.toString()), tmp.resolve("home"), tmp);
        KnownRoots known = new KnownRoots(environment.layout());
        known.record(List.of(new ClaudeRoot(hooked), new ClaudeRoot(env)));
        ClaudeRoots roots = new ClaudeRoots(environment, known);
        assertThat(roots.toScan(List.of())).containsExactly(new ClaudeRoot(env), new ClaudeRoot(hooked));
        assertThat(roots.resolve(List.of())).containsExactly(new ClaudeRoot(env));
    }
}
