package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.testing.FakeTime;
import dev.cctelemetry.core.port.out.Sleeper;
import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_A;
import static dev.cctelemetry.hooks.worker.ClaudeTree.assistant;
import static dev.cctelemetry.hooks.worker.ClaudeTree.costState;
import static dev.cctelemetry.hooks.worker.ClaudeTree.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettleWaitTest {

    @TempDir
    Path tmp;

    private final FakeTime clock = new FakeTime(Instant.parse("2026-03-01T10:00:00Z"));
    private final Instant start = clock.instant();

    @Test
    void fileThatDoesNotGrowSettlesAfterTheQuietTime() throws InterruptedException {
        Path f = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1));

        SettleWait.Settled how = new SettleWait(clock, clock::advance, SettleConfig.DEFAULT).await(f);

        assertThat(how).isEqualTo(SettleWait.Settled.QUIET);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void fileLastWrittenLongerAgoThanTheQuietTimeSettlesAtOnce() throws Exception {
        Path f = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1));
        Files.setLastModifiedTime(f, FileTime.from(start.minusMillis(450)));

        SettleWait.Settled how = new SettleWait(clock, clock::advance, SettleConfig.DEFAULT).await(f);

        assertThat(how).isEqualTo(SettleWait.Settled.QUIET);
        assertThat(clock.instant()).as("no wait: quiet since its last write").isEqualTo(start);
    }

    @Test
    void fileWrittenJustBeforeTheWaitWaitsOnlyTheRestOfTheQuietTime() throws Exception {
        Path f = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1));
        Files.setLastModifiedTime(f, FileTime.from(start.minusMillis(120)));

        SettleWait.Settled how = new SettleWait(clock, clock::advance, SettleConfig.DEFAULT).await(f);

        assertThat(how).isEqualTo(SettleWait.Settled.QUIET);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(200)); // polls of 50 ms
    }

    @Test
    void aModificationTimeInTheFutureOrInWholeSecondsIsNotTrustedAsQuiet() throws Exception {
        Path future = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1));
        Files.setLastModifiedTime(future, FileTime.from(start.plusSeconds(5)));
        Path coarse = write(tmp.resolve("u.jsonl"), assistant(SESSION_A, "m", 1));
        Files.setLastModifiedTime(coarse, FileTime.from(start.minusSeconds(1))); // whole second: up to 2 s later

        new SettleWait(clock, clock::advance, SettleConfig.DEFAULT).await(future);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(300));
        Instant second = clock.instant();
        new SettleWait(clock, clock::advance, SettleConfig.DEFAULT).await(coarse);
        assertThat(Duration.between(second, clock.instant())).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void fileThatKeepsGrowingIsGivenUpAtTheCap() throws InterruptedException {
        Path f = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1));
        Sleeper busyWriter = d -> {
            clock.advance(d);
            ClaudeTree.append(f, assistant(SESSION_A, "m" + clock.millis(), 1));
        };

        SettleWait.Settled how = new SettleWait(clock, busyWriter, SettleConfig.DEFAULT).await(f);

        assertThat(how).isEqualTo(SettleWait.Settled.CAPPED);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void costStateAsLastCompleteLineEndsTheWaitAtOnce() throws InterruptedException {
        Path f = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1), costState(SESSION_A));

        SettleWait.Settled how = new SettleWait(clock, clock::advance, SettleConfig.DEFAULT).await(f);

        assertThat(how).isEqualTo(SettleWait.Settled.COST_STATE);
        assertThat(clock.instant()).isEqualTo(start);
    }

    @Test
    void halfWrittenLineAfterCostStateIsNotSettled() {
        Path f = write(tmp.resolve("t.jsonl"), costState(SESSION_A), "{\"type\":\"cost-st");
        Path g = write(tmp.resolve("u.jsonl"), costState(SESSION_A), assistant(SESSION_A, "m", 1));

        assertThat(SettleWait.endsWithCostState(f)).isFalse();
        assertThat(SettleWait.endsWithCostState(g)).isFalse();
    }

    @Test
    void noneConfigNeverWaits() throws InterruptedException {
        Path f = write(tmp.resolve("t.jsonl"), assistant(SESSION_A, "m", 1));
        int[] sleeps = {0};

        new SettleWait(clock, d -> sleeps[0]++, SettleConfig.NONE).await(f);

        assertThat(sleeps[0]).isZero();
    }
}
