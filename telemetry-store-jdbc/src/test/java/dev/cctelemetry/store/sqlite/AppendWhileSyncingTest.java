package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claude Code appending to a transcript while cc-telemetry ingests it: a writer thread appends usage lines, some
 * in two writes split at a random byte (the first write is visible to readers before the second), while syncs
 * run back to back. Every complete line must end up counted exactly once, and a half-written line never
 * counts as a bad line.
 */
class AppendWhileSyncingTest {

    private static final String SESSION = "5e551011-0000-4000-8000-000000000001";
    private static final int LINES = 3000;

    @TempDir
    Path tmp;

    @Test
    void everyCompleteLineAppendedDuringSyncsIsCountedExactlyOnce() throws Exception {
        Path root = tmp.resolve("claude");
        Path file = Files.createDirectories(root.resolve("projects/-home-dev-live")).resolve(SESSION + ".jsonl");
        Files.createFile(file);
        LedgerHarness h = new LedgerHarness(tmp.resolve("home"));
        Map<String, Long> expectedOutput = new HashMap<>();
        for (int i = 0; i < LINES; i++) {
            expectedOutput.put("msg_" + i, 1L + i);
        }
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        AtomicInteger syncsDone = new AtomicInteger();
        Thread writer = new Thread(() -> {
            SplittableRandom rnd = new SplittableRandom(7);
            try (OutputStream os = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                for (int i = 0; i < LINES; i++) {
                    byte[] line = line(i).getBytes(StandardCharsets.UTF_8);
                    if (rnd.nextInt(3) == 0) {
                        int cut = 1 + rnd.nextInt(line.length - 1);
                        os.write(line, 0, cut);
                        os.flush();
                        Thread.yield();
                        os.write(line, cut, line.length - cut);
                    } else {
                        os.write(line);
                    }
                    os.flush();
                    if (i % 50 == 0) {
                        Thread.sleep(1);
                    }
                    if (i > 0 && i % (LINES / 4) == 0) {
                        awaitOneMoreSync(syncsDone);
                    }
                }
            } catch (IOException | InterruptedException e) {
                writerFailure.set(e);
            }
        }, "transcript-writer");

        writer.start();
        int syncs = 0;
        long skipped = 0;
        long inserted = 0;
        while (writer.isAlive()) {
            SyncSummary s = h.sync(root);
            syncs++;
            syncsDone.incrementAndGet();
            skipped += s.skippedLines();
            inserted += s.newRecords();
        }
        writer.join();
        SyncSummary last = h.sync(root);
        syncs++;
        skipped += last.skippedLines();
        inserted += last.newRecords();

        assertThat(writerFailure.get()).isNull();
        System.out.printf(Locale.ROOT, "AppendWhileSyncingTest: %d lines appended during %d syncs%n", LINES, syncs);
        assertThat(syncs).as("syncs overlapped the writer").isGreaterThan(2);
        assertThat(skipped).as("a half-written line is not a bad line").isZero();
        assertThat(inserted).isEqualTo(LINES);
        List<UsageRecord> records = h.records();
        assertThat(records).hasSize(LINES);
        Map<String, Long> output = new HashMap<>();
        records.forEach(r -> output.put(r.key().messageId(), r.tokens().output()));
        assertThat(output).isEqualTo(expectedOutput);
    }

    private static String line(int i) {
        return String.format(Locale.ROOT, "{\"type\":\"assistant\",\"sessionId\":\"%s\","
                + "\"timestamp\":\"2025-09-01T10:%02d:%02d.000Z\",\"requestId\":\"req_%d\",\"message\":{\"id\":"
                + "\"msg_%d\",\"model\":\"claude-sonnet-4-20250514\",\"stop_reason\":\"end_turn\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"%s\"}],\"usage\":{\"input_tokens\":3,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":%d}}}\n",
                SESSION, (i / 60) % 60, i % 60, i, i, "x".repeat(i % 400), 1L + i);
    }

    /**
     * Holds the writer until a sync that started during its writing has ended, so the syncs overlap the writer
     * however slow a loaded machine makes a sync (a writer that finished within one sync proved nothing).
     */
    private static void awaitOneMoreSync(AtomicInteger syncsDone) throws InterruptedException {
        int seen = syncsDone.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (syncsDone.get() <= seen + 1 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
