package dev.cctelemetry.testing;

import java.util.SplittableRandom;
import java.util.UUID;

/** Makes the identifiers Claude Code writes (UUIDs, message, request, tool-use and agent ids) from a seeded random. */
final class IdSource {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    IdSource(SplittableRandom random) {
        this.random = random;
    }

    /** A version-4 UUID string. */
    String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    /** A first-party message id such as {@code msg_01FywsdEptQ2dMUwRcMAqny5}. */
    String messageId() {
        return "msg_01" + base62(22);
    }

    /** A first-party request id such as {@code req_011CPouiJ9boWHUkXvcu6ubz}. */
    String requestId() {
        return "req_011C" + base62(20);
    }

    /** A tool-use id such as {@code toolu_01A2b3...}. */
    String toolUseId() {
        return "toolu_01" + base62(22);
    }

    /** A subagent id as in 2.1.81+ ({@code a} + 16 hex digits). */
    String agentId() {
        return "a" + hex(16);
    }

    /** {@code n} base64-ish characters (thinking signatures). */
    String base62(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(c);
    }

    String hex(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[random.nextInt(16)];
        }
        return new String(c);
    }
}
