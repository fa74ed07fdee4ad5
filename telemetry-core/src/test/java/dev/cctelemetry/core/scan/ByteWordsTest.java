package dev.cctelemetry.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ByteWordsTest {

    /** The index of the first byte of {@code b[0, 8)} that {@code test} accepts, or -1: the plain answer. */
    private static int firstByte(byte[] b, java.util.function.IntPredicate test) {
        for (int i = 0; i < 8; i++) {
            if (test.test(b[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    @Property(tries = 3000)
    void findsTheFirstByteOfAValueWhateverSurroundsIt(@ForAll @Size(8) byte[] word,
            @ForAll @IntRange(min = 0, max = 255) int value, @ForAll @IntRange(min = 0, max = 8) int plant) {
        if (plant < 8) {
            word[plant] = (byte) value; // make a hit likely; plant == 8 leaves the word as drawn
        }
        long marks = ByteWords.marksOf(ByteWords.at(word, 0), ByteWords.repeated((byte) value));
        int expected = firstByte(word, b -> b == value);
        if (expected < 0) {
            assertThat(marks).isZero();
        } else {
            assertThat(ByteWords.firstMarkedByte(marks)).isEqualTo(expected);
        }
    }

    @Property(tries = 3000)
    void findsTheFirstControlByte(@ForAll @Size(8) byte[] word) {
        long marks = ByteWords.controlMarks(ByteWords.at(word, 0));
        int expected = firstByte(word, b -> b < 0x20);
        if (expected < 0) {
            assertThat(marks).isZero();
        } else {
            assertThat(ByteWords.firstMarkedByte(marks)).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void readsBytesFirstLowest(@ForAll @Size(16) byte[] bytes, @ForAll @IntRange(min = 0, max = 8) int at) {
        long word = ByteWords.at(bytes, at);
        for (int i = 0; i < 8; i++) {
            assertThat((byte) (word >>> (8 * i))).isEqualTo(bytes[at + i]);
        }
    }
}
