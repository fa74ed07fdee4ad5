package dev.cctelemetry.core.io;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process for {@link PrivateFilesTest}'s trace: writes a state file atomically into folders that do not exist yet
 * and takes the sync lock, as a first sync on a new home does.
 */
public final class PrivateStateWriter {

    private PrivateStateWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        AtomicFile.write(home.resolve("state").resolve("push").resolve("status.json"),
                "{\"secret\":\"sk-ant-test\"}".getBytes(StandardCharsets.UTF_8));
        try (var held = new FileSyncLock(home.resolve("locks").resolve("sync.lock")).tryAcquire(Duration.ZERO)
                .orElseThrow()) {
            PrivateFiles.createFileIfMissing(home.resolve("locks").resolve("empty"));
        }
    }
}
