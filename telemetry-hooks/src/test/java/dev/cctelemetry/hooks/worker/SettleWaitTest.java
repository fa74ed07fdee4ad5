package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.testing.FakeTime;
import dev.cctelemetry.core.port.out.Sleeper;
import static dev.cctelemetry.hooks.worker.ClaudeTree.SESSION_A;
import static dev.cctelemetry.hooks.worker.ClaudeTree.assistant;
import static dev.cctelemetry.hooks.worker.ClaudeTree.costState;
import static dev.cctelemetry.hooks.worker.ClaudeTree.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
