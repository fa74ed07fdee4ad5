package dev.cctelemetry.hooks.worker;

import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_A;
import static dev.cctelemetry.hooks.worker.ClaudeTree.assistant;
import static dev.cctelemetry.hooks.worker.ClaudeTree.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptPathGuardTest {

    @TempDir
    Path tmp;

    private final TranscriptPathGuard guard = new TranscriptPathGuard();
    private ClaudeTree claude;
    private List<ClaudeRoot> roots;

    @BeforeEach
    void setUp() {
        claude = new ClaudeTree(tmp);
        roots = List.of(claude.root);
    }

    private TranscriptPathGuard.Result check(String raw) {
        return guard.check(raw, roots);
    }

    @Test
    void transcriptInsideProjectsIsAcceptedWithItsRealPath() throws IOException {
        Path main = write(claude.mainTranscript(SESSION_A), assistant(SESSION_A, "m", 1));

        assertThat(check(main.toString()))
                .isEqualTo(new TranscriptPathGuard.Result.Accepted(claude.root, main.toRealPath()));
    }

    @Test
    void transcriptReachedThroughASymlinkedRootIsAccepted() throws IOException {
        write(claude.mainTranscript(SESSION_A), assistant(SESSION_A, "m", 1));
        Path link = Files.createSymbolicLink(tmp.resolve("claude-link"), claude.root.dir());
        ClaudeRoot linkedRoot = new ClaudeRoot(link);
        Path viaLink = linkedRoot.projects().resolve(claude.projectDir.getFileName() + "/" + SESSION_A + ".jsonl");

        TranscriptPathGuard.Result r = guard.check(viaLink.toString(), List.of(linkedRoot));

        assertThat(r).isInstanceOf(TranscriptPathGuard.Result.Accepted.class);
    }

    @Test
    void pathsOutsideOrMalformedAreRejected() {
        write(tmp.resolve("outside/" + SESSION_A + ".jsonl"), assistant(SESSION_A, "m", 1));
        for (String raw : List.of("/etc/passwd", "/etc/x.jsonl", tmp.resolve("outside/" + SESSION_A + ".jsonl").toString(),
                claude.projectDir + "/../../../outside/" + SESSION_A + ".jsonl",
                claude.root.projects() + "/p/../x.jsonl", "relative/" + SESSION_A + ".jsonl",
                claude.mainTranscript(SESSION_A) + "\n", claude.projectDir + "/x.txt",
                claude.root.projects().toString(), claude.root.dir() + "/projects-evil/p/x.jsonl")) {
            assertThat(check(raw)).as(raw).isInstanceOf(TranscriptPathGuard.Result.Rejected.class);
        }
    }

    @Test
    void symlinkFromInsideToOutsideIsRejected() throws IOException {
        Path outside = write(tmp.resolve("outside/secret.jsonl"), "{}\n");
        Files.createSymbolicLink(claude.mainTranscript(SESSION_A), outside);

        assertThat(check(claude.mainTranscript(SESSION_A).toString()))
                .isInstanceOf(TranscriptPathGuard.Result.Rejected.class);
    }

    @Test
    void projectDirLinkedOutsideIsRejected() throws IOException {
        write(tmp.resolve("outside/" + SESSION_A + ".jsonl"), "{}\n");
        Files.createSymbolicLink(claude.root.projects().resolve("evil"), tmp.resolve("outside"));

        assertThat(check(claude.root.projects().resolve("evil/" + SESSION_A + ".jsonl").toString()))
                .isInstanceOf(TranscriptPathGuard.Result.Rejected.class);
    }

    @Test
    void absentAndStalePathsAskForASearch() {
        assertThat(check("")).isInstanceOf(TranscriptPathGuard.Result.Absent.class);
        assertThat(check(claude.mainTranscript(SESSION_A).toString()))
                .isInstanceOf(TranscriptPathGuard.Result.NotFound.class);
    }
}
