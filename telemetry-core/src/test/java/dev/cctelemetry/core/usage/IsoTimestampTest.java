package dev.cctelemetry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fast timestamp reader gives exactly what java.time gives, value or error, for every shape. */
class IsoTimestampTest {

    /** What the ingest used before: java.time's general parsers. */
    private static Instant reference(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant();
        }
    }

    @Property(tries = 2000)
    void utcInstantsWithAnyFractionEqualJavaTime(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
        String base = Instant.ofEpochSecond(epochSecond).toString(); // yyyy-MM-ddTHH:mm:ssZ
        String fraction = digits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, digits);
        String text = base.substring(0, 19) + fraction + "Z";

        assertThat(IsoTimestamp.parse(text)).isEqualTo(reference(text));
    }

    /** Every 13th day of years 0 to 9999, and every day of the years whose leap rules differ, as java.time. */
    @Test
    void datesCountAsJavaTimeCountsThem() {
        java.util.List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(13)) {
            dates.add(d);
        }
        for (int year : new int[] {0, 1, 4, 100, 400, 1900, 1970, 1999, 2000, 2024, 2100, 9999}) {
            for (java.time.LocalDate d = java.time.LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                dates.add(d);
            }
        }
        for (java.time.LocalDate d : dates) {
            String text = String.format("%04d-%02d-%02dT12:34:56.789Z", d.getYear(), d.getMonthValue(),
                    d.getDayOfMonth());
            assertThat(IsoTimestamp.parse(text)).as(text).isEqualTo(d.atTime(12, 34, 56, 789_000_000)
                    .toInstant(java.time.ZoneOffset.UTC));
        }
    }

    @Property(tries = 1000)
    void mangledTimestampsFailOrSucceedExactlyAsJavaTimeDoes(@ForAll("mangled") String text) {
        Object expected;
        try {
            expected = reference(text);
        } catch (DateTimeParseException e) {
            expected = DateTimeParseException.class;
        }
        Object actual;
        try {
            actual = IsoTimestamp.parse(text);
        } catch (DateTimeParseException e) {
            actual = DateTimeParseException.class;
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> mangled() {
        String valid = "2025-08-01T10:00:01.123Z";
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length() - 1);
        Arbitrary<Character> replacement = Arbitraries.of('0', '1', '2', '3', '5', '9', ':', '-', '.', 'T', 't', 'Z',
                'z', '+', ' ', 'x');
        return net.jqwik.api.Combinators.combine(position, replacement, Arbitraries.integers().between(0, 2))
                .as((at, c, mode) -> switch (mode) {
                    case 0 -> valid.substring(0, at) + c + valid.substring(at + 1); // replace one character
                    case 1 -> valid.substring(0, at) + valid.substring(at + 1); // drop one
                    default -> valid.substring(0, at) + c + valid.substring(at); // insert one
                });
    }

    @Test
    void otherShapesGoToJavaTime() {
        assertThat(IsoTimestamp.parse("2025-08-01T12:00:01.5+02:00")).isEqualTo(Instant.parse("2025-08-01T10:00:01.5Z"));
        assertThat(IsoTimestamp.parse("2025-08-01t10:00:01z")).isEqualTo(Instant.parse("2025-08-01T10:00:01Z"));
        assertThat(IsoTimestamp.parse("2016-12-31T23:59:60Z")).isEqualTo(reference("2016-12-31T23:59:60Z"));
        assertThat(IsoTimestamp.parse("2024-02-29T00:00:00.000Z"))
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 0, 0, 0, 0, ZoneOffset.UTC).toInstant());
        // Values the fast reader does not take are java.time's to judge (it resolves some, refuses others).
        for (String odd : new String[] {"2025-02-29T00:00:00.000Z", "2025-08-01T24:00:00Z", "2025-13-01T00:00:00Z"}) {
            Object expected;
            try {
                expected = reference(odd);
            } catch (DateTimeParseException e) {
                expected = "refused";
            }
            Object actual;
            try {
                actual = IsoTimestamp.parse(odd);
            } catch (DateTimeParseException e) {
                actual = "refused";
            }
            assertThat(actual).as(odd).isEqualTo(expected);
        }
        assertThatThrownBy(() -> IsoTimestamp.parse("")).isInstanceOf(DateTimeParseException.class);
    }
}
