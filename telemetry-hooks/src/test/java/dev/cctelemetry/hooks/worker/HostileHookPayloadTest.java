package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.testing.FakeTime;
import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_A;
import static dev.cctelemetry.hooks.worker.ClaudeTree.assistant;
import static dev.cctelemetry.hooks.worker.ClaudeTree.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.port.in.SyncUseCase;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile hook payloads through the real worker: whatever arrives, the worker never throws, never hands the
 * ingest a file outside the Claude projects folders, and nothing in the payload is ever run.
 */
class HostileHookPayloadTest {

    @TempDir
    Path tmp;

    @Test
    void hostilePayloadsAreRejectedAndNeverReachOutsideTheProjectsFolders() throws IOException {
        ClaudeTree claude = new ClaudeTree(tmp);
        write(claude.mainTranscript(SESSION_A), assistant(SESSION_A, "msg_a1", 5));
        Path secret = Files.writeString(tmp.resolve("secret.jsonl"), assistant(SESSION_A, "msg_secret", 9) + "\n");
        Files.createSymbolicLink(claude.projectDir.resolve("link-out.jsonl"), secret);
        Files.createSymbolicLink(claude.projectDir.resolve("passwd.jsonl"), Path.of("/etc/passwd"));

        List<String> hostile = new ArrayList<>();
        for (String path : List.of("/etc/passwd", "../../etc/passwd.jsonl", claude.projectDir + "/../../secret.jsonl",
                secret.toString(), claude.projectDir.resolve("link-out.jsonl").toString(),
                claude.projectDir.resolve("passwd.jsonl").toString(), "$(touch pwned).jsonl",
                claude.projectDir + "/x\n$(touch pwned).jsonl", "relative/" + SESSION_A + ".jsonl")) {
            hostile.add("{\"session_id\":\"" + SESSION_A + "\",\"transcript_path\":" + json(path) + "}");
        }
        for (String session : List.of("$(touch pwned)", "`touch pwned`", SESSION_A + "\n$(touch pwned)",
                "../../../pwned", SESSION_A + "$(touch pwned)")) {
            hostile.add("{\"session_id\":" + json(session) + ",\"transcript_path\":\"\"}");
        }
        hostile.add("{\"session_id\":\"" + SESSION_A + "\"," + "\"deep\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        hostile.add("[1,2,3]");
        // One honest payload, so the check on what reaches the ingest is not vacuous.
        hostile.add("{\"session_id\":\"" + SESSION_A + "\",\"transcript_path\":"
                + json(claude.mainTranscript(SESSION_A).toString()) + "}");
        hostile.add("{\"session_id\":\"" + SESSION_A + "\"}{\"session_id\":\"" + SESSION_A + "\"}");

        RecordingSync sync = new RecordingSync();
        HookWorker worker = new HookWorker(sync, new FileHookStatusStore(tmp.resolve("home/state")),
                new FakeTime(Instant.parse("2026-03-01T10:00:00Z")), () -> List.of(claude.root),
                new SettleWait(new FakeTime(Instant.parse("2026-03-01T10:00:00Z")), d -> { }, SettleConfig.DEFAULT),
                tmp.resolve("home/spool"));
        Path spool = tmp.resolve("home/spool/stop.json");
        for (String payload : hostile) {
            write(spool, payload);
            HookRunResult r = worker.run(WorkerEvent.STOP, spool, Optional.empty());
            assertThat(r.status()).as(payload.length() > 200 ? payload.substring(0, 200) : payload)
                    .isIn(HookRunResult.Status.REJECTED, HookRunResult.Status.SYNCED,
                            HookRunResult.Status.NO_TRANSCRIPT);
            assertThat(spool).as("the spool is deleted once read").doesNotExist();
        }
        // Binary and oversized spools.
        byte[] binary = new byte[64 * 1024];
        new SplittableRandom(3).nextBytes(binary);
        Files.createDirectories(spool.getParent());
        Files.write(spool, binary);
        assertThat(worker.run(WorkerEvent.STOP, spool, Optional.empty()).status())
                .isEqualTo(HookRunResult.Status.REJECTED);
        Files.write(spool, new byte[16 * 1024 * 1024]);
        assertThat(worker.run(WorkerEvent.STOP, spool, Optional.empty()).status())
                .isEqualTo(HookRunResult.Status.REJECTED);
        assertThat(spool).doesNotExist();

        Path projectsReal = claude.root.projects().toRealPath();
        assertThat(sync.files).as("files handed to the ingest").isNotEmpty()
                .allSatisfy(f -> assertThat(f.toRealPath()).startsWith(projectsReal));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("pwned");
        }
        assertThat(Path.of("pwned")).doesNotExist();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Records which files each sync would read (as the real ingest would discover them), reads nothing. */
    private static final class RecordingSync implements SyncUseCase {
        final List<Path> files = new ArrayList<>();

        @Override
        public SyncSummary sync(SyncRequest request, dev.cctelemetry.core.sync.SyncProgress progress) {
            for (TranscriptFile f : new TranscriptDiscovery().discover(request.roots()).files()) {
                if (request.only().test(f)) {
                    files.add(f.path());
                }
            }
            return new SyncSummary(0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
        }
    }

}
