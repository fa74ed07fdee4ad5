package dev.cctelemetry.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.sync.SyncSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonInstanceLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondHolderIsRefusedUntilTheFirstReleases() throws Exception {
        Path file = tmp.resolve("state/daemon.lock");
        try (DaemonInstanceLock first = DaemonInstanceLock.tryAcquire(file, 4242).orElseThrow()) {
            assertThat(DaemonInstanceLock.tryAcquire(file, 1)).isEmpty();
            assertThat(DaemonInstanceLock.isHeld(file)).isTrue();
            assertThat(DaemonInstanceLock.holderPid(file)).hasValue(4242);
        }
        assertThat(DaemonInstanceLock.isHeld(file)).isFalse();
        // Probing does not overwrite the last holder's pid.
        assertThat(DaemonInstanceLock.holderPid(file)).hasValue(4242);
        try (DaemonInstanceLock again = DaemonInstanceLock.tryAcquire(file, 7).orElseThrow()) {
            assertThat(DaemonInstanceLock.holderPid(file)).hasValue(7);
        }
    }

    @Test
    void theStatusFileRecordsTheLastPass() throws Exception {
        DaemonStatusFile status = new DaemonStatusFile(tmp.resolve("state/daemon-status.json"));
        assertThat(status.read()).isEmpty();
        Instant t = Instant.parse("2025-09-01T10:00:00Z");
        status.record(PassOutcome.ok(t, 2, new SyncSummary(10, 1, 300, 4, 1, 1, 0, Duration.ofMillis(50)),
                Duration.ofMillis(60)), 0, t.plusSeconds(3600), 99);
        JsonNode ok = status.read().orElseThrow();
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("filesChecked").asInt()).isEqualTo(10);
        assertThat(ok.get("recordsAdded").asLong()).isEqualTo(4);
        assertThat(ok.get("nextPassAt").asText()).isEqualTo("2025-09-01T11:00:00Z");
        status.record(PassOutcome.failed(t, 2, Optional.empty(), "database is locked", Duration.ZERO), 3,
                t.plusSeconds(120), 99);
        JsonNode failed = status.read().orElseThrow();
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("error").asText()).isEqualTo("database is locked");
        assertThat(failed.get("consecutiveFailures").asInt()).isEqualTo(3);
    }
}
