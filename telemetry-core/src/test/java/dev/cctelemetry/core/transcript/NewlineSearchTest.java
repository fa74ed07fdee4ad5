package dev.cctelemetry.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlineSearchTest {

    private static int plain(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheSameNewlineAsAPlainLoopForEveryStartAndEnd() {
        Random r = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            byte[] b = new byte[r.nextInt(70)];
            for (int i = 0; i < b.length; i++) {
                // Bytes next to '\n' (0x0A) in value, 0x80+ bytes and zero bytes stress the borrow logic.
                int pick = r.nextInt(6);
                b[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0B : pick == 2 ? 0x09 : pick == 3 ? 0x8A
                        : pick == 4 ? 0 : r.nextInt(256));
            }
            for (int from = 0; from <= b.length; from++) {
                for (int to = from; to <= b.length; to++) {
                    assertThat(NewlineSearch.next(b, from, to)).as("trial %d [%d,%d)", trial, from, to)
                            .isEqualTo(plain(b, from, to));
                }
            }
        }
    }
}
