package dev.cctelemetry.core.statusline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatuslineSnapshotTest {

    private static final LocalZone ZONE = LocalZone.of("Asia/Kathmandu"); // +05:45
    private static final Instant PUBLISHED = Instant.parse("2026-12-07T10:00:00Z"); // 15:45 local, Dec 7

    private final StatuslineSnapshot snapshot = new StatuslineSnapshot(PUBLISHED, ZONE,
            new StatuslineSnapshot.DayRange(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 7),
                    Map.of(LocalDate.of(2026, 12, 6), 5L, LocalDate.of(2026, 12, 7), 7L)),
            Optional.of(LocalDate.of(2026, 12, 7)),
            Optional.of(new StatuslineSnapshot.LastBlock(Instant.parse("2026-12-07T13:00:00Z"),
                    Instant.parse("2026-12-07T09:55:00Z"), Duration.ofHours(5), 42, Optional.of(1.5))),
            PUBLISHED.minus(Duration.ofDays(35)), Map.of("s-1", 11L, "s-2", 0L));

    @Test
    void todayIsTheStoredDayOrZeroAfterTheLastRequestDate() {
        assertThat(snapshot.today(PUBLISHED)).contains(7L);
        assertThat(snapshot.today(Instant.parse("2026-12-06T12:00:00Z"))).contains(5L);
        // Dec 8 local begins at 18:15 UTC on Dec 7: nothing in the ledger is that late
        assertThat(snapshot.today(Instant.parse("2026-12-07T18:15:00Z"))).contains(0L);
        assertThat(snapshot.today(Instant.parse("2026-12-07T18:14:59Z"))).contains(7L);
        // before the range, with requests then: unknown
        assertThat(snapshot.today(Instant.parse("2026-12-01T12:00:00Z"))).isEmpty();
    }

    @Test
    void theBlockIsActiveBeforeItsEndAndWithinItsLengthOfItsLastRequest() {
        assertThat(snapshot.activeBlock(PUBLISHED)).contains(new ActiveBlock(42, Optional.of(1.5),
                Instant.parse("2026-12-07T13:00:00Z")));
        assertThat(snapshot.activeBlock(Instant.parse("2026-12-07T13:00:00Z"))).isEmpty();
    }

    @Test
    void sessionsNotListedAreUnknown() {
        StatuslineFigures f = snapshot.figures(Optional.of("s-1"), PUBLISHED);
        assertThat(f.sessionPicos()).contains(11L);
        assertThat(snapshot.figures(Optional.of("s-3"), PUBLISHED).sessionPicos()).isEmpty();
        assertThat(snapshot.figures(Optional.empty(), PUBLISHED).sessionPicos()).isEmpty();
        assertThat(f.allMachinesTodayPicos()).isEmpty();
    }

    @Test
    void bytesComeBackAsTheSameSnapshotAndAnythingElseReadsAsNone() {
        byte[] bytes = snapshot.encode();

        assertThat(StatuslineSnapshot.decode(bytes)).contains(snapshot);
        assertThat(StatuslineSnapshot.decode(Arrays.copyOf(bytes, bytes.length - 3))).isEmpty();
        assertThat(StatuslineSnapshot.decode(Arrays.copyOf(bytes, bytes.length + 1))).isEmpty();
        assertThat(StatuslineSnapshot.decode(new byte[0])).isEmpty();
        StatuslineSnapshot empty = new StatuslineSnapshot(PUBLISHED, ZONE, new StatuslineSnapshot.DayRange(
                LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 7), Map.of()), Optional.empty(), Optional.empty(),
                PUBLISHED, Map.of());
        assertThat(StatuslineSnapshot.decode(empty.encode())).contains(empty);
        assertThat(empty.today(Instant.parse("2026-11-01T00:00:00Z"))).as("no request at all").contains(0L);
    }
}
