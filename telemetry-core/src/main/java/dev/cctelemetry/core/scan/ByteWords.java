package dev.cctelemetry.core.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array as one {@code long}, and the word tests that find a byte value in them (the SWAR
 * zero-byte test). The launcher runs the JIT's quick tier only, which neither vectorizes byte loops nor turns
 * {@code Long.numberOfTrailingZeros} into one instruction; these stay a handful of plain arithmetic steps there.
 */
public final class ByteWords {

    /** {@link #at} reads this many bytes. */
    public static final int SIZE = Long.BYTES;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Byte {@code j} holds {@code 7 - j}: multiplying a single byte's low bit by it moves that byte's index up. */
    private static final long INDEXES = 0x0001020304050607L;

    private ByteWords() {
    }

    /** Bytes {@code b[i, i+8)}, the first in the lowest bits. */
    public static long at(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** {@code value} in every byte of a word, for {@link #marksOf}. */
    public static long repeated(byte value) {
        return (value & 0xFFL) * ONES;
    }

    /**
     * The high bit of every byte of {@code word} that equals the byte repeated in {@code pattern}. Only the lowest
     * mark is exact (a borrow can set marks above a true one), which is all {@link #firstMarkedByte} reads.
     */
    public static long marksOf(long word, long pattern) {
        long x = word ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** The high bit of every byte of {@code word} below {@code 0x20}; as with {@link #marksOf}, the lowest is exact. */
    public static long controlMarks(long word) {
        return (word - 0x2020202020202020L) & ~word & HIGHS;
    }

    /** The index (0 to 7) of the lowest byte marked in {@code marks}, which must not be 0. */
    public static int firstMarkedByte(long marks) {
        long lowest = marks & -marks; // bit 8k+7 alone
        return (int) (((lowest >>> 7) * INDEXES) >>> 56);
    }
}
