package dev.cctelemetry.hooks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The hook's sync names the files the selector found, as a walk of their root would reach them. */
class SessionFilesTest {

    private static final String S1 = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path tmp;

    @Test
    @DisabledOnOs(OS.WINDOWS) // symlinks need privileges there
    void filesAreNamedThroughTheRootEvenWhenTheRootIsALink() throws Exception {
        Path real = tmp.resolve("real-claude");
        TranscriptBuilder.session(S1)
                .assistant("msg_1", "req_1", "claude-sonnet-4-20250514", "2025-08-01T10:00:01.000Z", 1, 1, 0, 0,
                        "end_turn")
                .writeTo(real.resolve("projects/-home-u-a/" + S1 + ".jsonl"));
        Path link = Files.createSymbolicLink(tmp.resolve("claude-link"), real);
        ClaudeRoot root = new ClaudeRoot(link);

        SessionFiles files = new SessionFileSelector().search(List.of(root), S1);
        SyncRequest request = files.syncRequest();

        assertThat(files.files()).containsExactly(real.resolve("projects/-home-u-a/" + S1 + ".jsonl").toRealPath());
        assertThat(request.files()).as("no walk: the file is named")
                .containsExactly(link.resolve("projects/-home-u-a/" + S1 + ".jsonl"));
    }
}
