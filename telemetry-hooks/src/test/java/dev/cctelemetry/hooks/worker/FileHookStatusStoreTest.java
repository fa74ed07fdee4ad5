package dev.cctelemetry.hooks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.out.HookStatusStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHookStatusStoreTest {

    @TempDir
    Path tmp;

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String S = ClaudeTree.SESSION_A;

    @Test
    void emptyStoreHasNoStatus() {
        HookStatusStore.HookStatus s = new FileHookStatusStore(tmp.resolve("state")).status();

        assertThat(s.lastFired()).isEmpty();
        assertThat(s.lastOutcome()).isEmpty();
        assertThat(s.lastSuccess()).isEmpty();
        assertThat(s.lastError()).isEmpty();
    }

    @Test
    void lastSuccessSurvivesALaterError() {
        FileHookStatusStore store = new FileHookStatusStore(tmp.resolve("state"));
        HookStatusStore.Outcome ok = new HookStatusStore.Outcome(T0, "stop", S, true, "", 12, 1,
                Duration.ofMillis(340));
        HookStatusStore.Outcome err = new HookStatusStore.Outcome(T0.plusSeconds(60), "session-end", S, false,
                "IOException: disk full", 0, 0, Duration.ofMillis(20));
        store.recordFired(new HookStatusStore.Fired(T0, "stop", S));
        store.recordOutcome(ok);
        store.recordOutcome(err);

        HookStatusStore.HookStatus s = new FileHookStatusStore(tmp.resolve("state")).status();

        assertThat(s.lastFired()).contains(new HookStatusStore.Fired(T0, "stop", S));
        assertThat(s.lastSuccess()).contains(ok);
        assertThat(s.lastError()).contains(err);
        assertThat(s.lastOutcome()).contains(err);
    }

    @Test
    void writesLeaveNoTempFilesBehind() throws IOException {
        FileHookStatusStore store = new FileHookStatusStore(tmp.resolve("state"));
        for (int i = 0; i < 5; i++) {
            store.recordOutcome(new HookStatusStore.Outcome(T0.plusSeconds(i), "stop", S, true, "", i, 0,
                    Duration.ZERO));
        }
        try (Stream<Path> files = Files.list(tmp.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("hook-outcome.json", "hook-last-success.json");
        }
        assertThat(store.status().lastSuccess()).get().extracting(HookStatusStore.Outcome::recordsAdded)
                .isEqualTo(4L);
    }

    @Test
    void damagedFileReadsAsAbsent() throws IOException {
        Files.createDirectories(tmp.resolve("state"));
        Files.writeString(tmp.resolve("state/hook-last-error.json"), "{\"at\":\"yesterday\"");

        assertThat(new FileHookStatusStore(tmp.resolve("state")).status().lastError()).isEmpty();
    }
}
