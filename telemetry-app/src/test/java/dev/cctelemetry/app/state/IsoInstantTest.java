package dev.cctelemetry.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(3);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = min + Math.floorMod(random.nextLong(), max - min + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z",
                "1900-03-01T00:00:00.001Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(edge);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
    }
}
