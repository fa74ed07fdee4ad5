package dev.cctelemetry.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void replacesTheFileWholeReadableByItsOwnerOnlyAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("state").resolve("status.json");
        AtomicFile.write(target, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, "new content".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("new content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void setsTheGivenPermissions() throws Exception {
        Path target = dir.resolve("state").resolve("hook.sh");
        AtomicFile.write(target, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8),
                Optional.of(PosixFilePermissions.fromString("rwx------")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwx------");
    }

    @Test
    void writersRacingOnOneFileEachLeaveAWholeVersionAndNoTempFiles() throws Exception {
        Path target = dir.resolve("state").resolve("config.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String content = ("writer " + thread + " round " + i + " ").repeat(200);
                        written.add(content);
                        AtomicFile.write(target, content.getBytes(StandardCharsets.UTF_8));
                        assertThat(written).contains(Files.readString(target));
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(written).contains(Files.readString(target));
        assertThat(leftovers()).isEmpty();
    }
}
