package dev.cctelemetry.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Reads the text columns of one query's rows. The JDBC driver's {@code getString} wraps native memory in a new
 * buffer object per call, which made text most of a report's cost; {@code getBytes} copies the UTF-8 bytes
 * straight into an array, and values that repeat from row to row (session, folder, model, version, source) come
 * from a small cache per column instead of a new decode. One per query; not thread-safe.
 */
final class RowText {

    private static final int SLOTS = 32;
    /** Longer values are decoded, not kept. */
    private static final int MAX_KEPT = 256;

    private final byte[][][] keys;
    private final String[][] values;

    /** For rows of up to {@code columns} columns. */
    RowText(int columns) {
        keys = new byte[columns + 1][][];
        values = new String[columns + 1][];
    }

    /** The text of {@code column} (1-based) in the current row; "" for an empty or null value. */
    String get(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        if (b == null || b.length == 0) {
            return "";
        }
        if (b.length > MAX_KEPT) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (keys[column] == null) {
            keys[column] = new byte[SLOTS][];
            values[column] = new String[SLOTS];
        }
        int slot = slot(b);
        byte[] kept = keys[column][slot];
        if (kept != null && Arrays.equals(kept, b)) {
            return values[column][slot];
        }
        String s = new String(b, StandardCharsets.UTF_8);
        keys[column][slot] = b;
        values[column][slot] = s;
        return s;
    }

    /** A slot from the length and a few bytes; every hit is confirmed by comparing the whole value. */
    private static int slot(byte[] b) {
        int n = b.length;
        int h = n;
        h = 31 * h + b[0];
        h = 31 * h + b[n - 1];
        h = 31 * h + b[n / 2];
        h = 31 * h + b[n / 4];
        h = 31 * h + b[(3 * n) / 4];
        return (h ^ (h >>> 7) ^ (h >>> 13)) & (SLOTS - 1);
    }
}
