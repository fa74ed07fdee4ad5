package dev.cctelemetry.core.sync;

import java.util.HashSet;
import java.util.Set;

/**
 * The distinct session ids a sync touched, for its summary, exactly and in about 32 bytes per id: session ids
 * are UUIDs in lowercase canonical form, kept as their two 64-bit halves in an open-addressing table; any other id
 * (another form, uppercase, a test's name) goes to an ordinary set. Half a million sessions cost 16–32 MB as
 * strings in a set, which a 128 MiB heap could not spare.
 */
public final class DistinctSessions {

    private long[] slots = new long[2 * 1024];
    private boolean[] used = new boolean[1024];
    private int uuids;
    private final Set<String> others = new HashSet<>();
    /** The last id added: records of one file nearly always share it, usually as the same object. */
    private String last;

    /** Adds one id. */
    public void add(String id) {
        if (id == last || id.equals(last)) {
            return;
        }
        last = id;
        if (!isCanonicalUuid(id)) {
            others.add(id);
            return;
        }
        long hi = hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
        long lo = hex(id, 19, 23) << 48 | hex(id, 24, 36);
        if ((uuids + 1) * 4 > used.length * 3) {
            grow();
        }
        if (insert(slots, used, hi, lo)) {
            uuids++;
        }
    }

    /** Distinct ids added. */
    public int size() {
        return uuids + others.size();
    }

    private static boolean insert(long[] slots, boolean[] used, long hi, long lo) {
        int mask = used.length - 1;
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        int i = (int) (h ^ h >>> 29 ^ h >>> 47) & mask;
        while (used[i]) {
            if (slots[2 * i] == hi && slots[2 * i + 1] == lo) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        slots[2 * i] = hi;
        slots[2 * i + 1] = lo;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        boolean[] biggerUsed = new boolean[used.length * 2];
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                insert(bigger, biggerUsed, slots[2 * i], slots[2 * i + 1]);
            }
        }
        slots = bigger;
        used = biggerUsed;
    }

    /** Whether {@code s} is {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in lowercase hex: one string per value. */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long hex(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }
}
