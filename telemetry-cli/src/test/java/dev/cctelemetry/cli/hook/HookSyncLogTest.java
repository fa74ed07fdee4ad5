package dev.cctelemetry.cli.hook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.SyncLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HookSyncLogTest {

    private static final Logger log = LoggerFactory.getLogger(HookSyncLogTest.class);

    @TempDir
    Path tmp;

    @AfterEach
    void resetLogging() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    @Test
    void rollsAtTheSizeUnderSustainedOutputAndKeepsFiveBackups() throws Exception {
        Path file = tmp.resolve("logs/hook-sync.log");
        long max = 20_000;
        HookSyncLog hookLog = HookSyncLog.install(file, max);
        SyncLock lock = hookLog.guard(new FileSyncLock(tmp.resolve("state/sync.lock")));
        String line = "x".repeat(90);
        try (SyncLock.Held held = lock.acquire()) {
            for (int i = 0; i < 5_000; i++) { // ~600 KB in well under logback's one-minute check interval
                log.info("{} {}", i, line);
            }
        }
        hookLog.stop();

        List<String> names = names(file.getParent());
        assertThat(names).containsExactlyInAnyOrder("hook-sync.log", "hook-sync.1.log", "hook-sync.2.log",
                "hook-sync.3.log", "hook-sync.4.log", "hook-sync.5.log");
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertThat(s.toList()).allSatisfy(p -> assertThat(Files.size(p)).isLessThan(max + 400));
        }
        assertThat(Files.readString(file)).contains("4999 " + line);
    }

    @Test
    void twoHundredMegabytesOfLogLeaveAtMostSixFilesOfTenMegabytes() throws Exception {
        Path file = tmp.resolve("logs/hook-sync.log");
        HookSyncLog hookLog = HookSyncLog.install(file, HookSyncLog.MAX_FILE_BYTES);
        SyncLock lock = hookLog.guard(new FileSyncLock(tmp.resolve("state/sync.lock")));
        String line = "y".repeat(1000);
        long written = 0;
        try (SyncLock.Held held = lock.acquire()) {
            for (int i = 0; written < 200L * 1024 * 1024; i++) {
                log.info("{} {}", i, line);
                written += line.length() + 60;
            }
        }
        hookLog.stop();
        try (Stream<Path> s = Files.list(file.getParent())) {
            List<Path> files = s.toList();
            assertThat(files).hasSizeLessThanOrEqualTo(6);
            assertThat(files).allSatisfy(p -> assertThat(Files.size(p))
                    .isLessThanOrEqualTo(HookSyncLog.MAX_FILE_BYTES + 2048));
        }
    }

    @Test
    void writesOnlyUnderTheLockAndFlushesWhatWaitedAtTheEnd() throws Exception {
        Path file = tmp.resolve("logs/hook-sync.log");
        HookSyncLog hookLog = HookSyncLog.install(file, HookSyncLog.MAX_FILE_BYTES);
        FileSyncLock raw = new FileSyncLock(tmp.resolve("state/sync.lock"));
        SyncLock lock = hookLog.guard(raw);

        log.info("before the lock");
        assertThat(file).doesNotExist();
        try (SyncLock.Held held = lock.acquire()) {
            log.info("under the lock");
            assertThat(Files.readString(file)).contains("before the lock").contains("under the lock");
        }
        log.info("after the lock");
        assertThat(Files.readString(file)).doesNotContain("after the lock");

        hookLog.flushUnderLock(raw, Duration.ofSeconds(5));

        assertThat(Files.readString(file)).contains("after the lock").doesNotContain("DEBUG");
        assertThat(Files.readString(file).lines()).allMatch(l -> l.matches("\\S+Z pid=\\d+ \\w+ +\\w+ - .*"));
        hookLog.stop();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
