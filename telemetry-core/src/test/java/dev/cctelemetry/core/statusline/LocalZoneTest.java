package dev.cctelemetry.core.statusline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class LocalZoneTest {

    private static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2100-01-01T00:00:00Z");

    /** Each zone's offset on both sides of every transition from 1970 to 2100 agrees with java.time's rules. */
    @Test
    void everyRegionZoneHasJavaTimesOffsetsAroundEveryTransition() {
        int checked = 0;
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneRules rules = ZoneId.of(id).getRules();
            LocalZone zone = LocalZone.of(id);
            assertThat(zone.id()).isEqualTo(id);
            Instant t = FROM;
            while (t.isBefore(UNTIL)) {
                for (Instant probe : List.of(t.minusSeconds(1), t, t.plusSeconds(3600 * 12))) {
                    assertThat(zone.offsetAt(probe)).as("%s at %s", id, probe).isEqualTo(rules.getOffset(probe));
                    assertThat(zone.dateTime(probe)).isEqualTo(probe.atZone(rules.getOffset(probe)).toLocalDateTime());
                    checked++;
                }
                ZoneOffsetTransition next = rules.nextTransition(t);
                t = next == null ? UNTIL : next.getInstant();
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @Test
    void theDefaultZoneIsNamedAsZoneIdNamesIt() {
        for (String id : List.of("Asia/Kathmandu", "Etc/UTC", "UTC", "GMT", "EST", "PST", "HST", "IST", "GMT+05:45",
                "GMT-03:00", "America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "no/such-zone")) {
            TimeZone tz = TimeZone.getTimeZone(id);
            ZoneId expected = tz.toZoneId();
            LocalZone zone = LocalZone.of(tz);
            assertThat(zone.id()).as(id).isEqualTo(expected.getId());
            for (Instant t : List.of(Instant.parse("2026-01-15T12:00:00Z"), Instant.parse("2026-07-15T12:00:00Z"),
                    Instant.parse("2099-07-01T00:00:00Z"))) {
                assertThat(zone.offsetAt(t)).as("%s at %s", id, t).isEqualTo(expected.getRules().getOffset(t));
            }
        }
        assertThat(LocalZone.systemDefault().id()).isEqualTo(ZoneId.systemDefault().getId());
    }

    @Test
    void fixedOffsetIdsKeepTheirOffsetAndAnUnknownIdIsRefused() {
        assertThat(LocalZone.of("+05:45").offsetAt(UNTIL)).isEqualTo(ZoneOffset.ofHoursMinutes(5, 45));
        assertThat(LocalZone.of("UTC-03:30").offsetAt(FROM)).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(LocalZone.of(ZoneId.of("Asia/Kathmandu"))).isEqualTo(LocalZone.of("Asia/Kathmandu"));
        Instant far = Instant.ofEpochSecond(Long.MAX_VALUE / 1000 + 1); // beyond what epoch millis hold
        assertThat(LocalZone.of("Asia/Kathmandu").dateTime(far))
                .isEqualTo(far.atZone(ZoneId.of("Asia/Kathmandu")).toLocalDateTime());
        assertThatThrownBy(() -> LocalZone.of("Mars/Olympus_Mons")).isInstanceOf(IllegalArgumentException.class);
    }
}
