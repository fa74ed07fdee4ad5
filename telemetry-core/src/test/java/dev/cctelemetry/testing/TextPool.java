package dev.cctelemetry.testing;

import java.util.SplittableRandom;

/**
 * Filler text for message content: prose, code and shell output, already JSON-escaped, with some non-ASCII
 * characters so that readers must decode UTF-8. Built once from a fixed seed; slices are copied from it so that
 * multi-megabyte tool results cost no more than a memory copy.
 */
final class TextPool {

    private static final String[] WORDS = {
        "the", "sync", "ledger", "token", "cache", "session", "request", "file", "line", "parser", "build", "test",
        "config", "value", "error", "result", "output", "input", "model", "price", "record", "stream", "reader",
        "writer", "offset", "checkpoint", "project", "hook", "daemon", "query", "schema", "migration", "index",
        "commit", "branch", "merge", "diff", "patch", "function", "class", "method", "return", "import", "package",
        "public", "private", "static", "final", "void", "String", "List", "Map", "Path", "Files", "Optional",
        "because", "which", "should", "could", "would", "there", "their", "about", "after", "before", "while",
        "résumé", "naïve", "→", "✓", "Größe", "日本語", "données", "über",
    };
    private static final String[] CODE = {
        "if (x == null) {\\n    return Optional.empty();\\n}\\n",
        "for (int i = 0; i < n; i++) {\\n\\tsum += a[i];\\n}\\n",
        "$ ./mvnw -q -B test\\n[INFO] Tests run: 42, Failures: 0\\n",
        "String s = \\\"hello\\\";\\n",
        "    at dev.example.Main.run(Main.java:42)\\n",
        "drwxr-xr-x  5 dev dev 4096 Oct  3 12:01 src\\n",
        "{\\\"key\\\": [1, 2, 3], \\\"ok\\\": true}\\n",
        "SELECT id, total FROM usage WHERE day >= ?;\\n",
    };
    private static final int SIZE = 1 << 20;

    private final String pool;

    TextPool() {
        SplittableRandom r = new SplittableRandom(0x5eed_7e47L);
        StringBuilder sb = new StringBuilder(SIZE + 256);
        while (sb.length() < SIZE) {
            if (r.nextInt(12) == 0) {
                sb.append(CODE[r.nextInt(CODE.length)]);
            } else {
                sb.append(WORDS[r.nextInt(WORDS.length)]);
                sb.append(r.nextInt(15) == 0 ? ". " : " ");
            }
        }
        this.pool = sb.toString();
    }

    /** Appends about {@code chars} characters of filler (never splitting an escape sequence). */
    void append(StringBuilder sb, SplittableRandom r, int chars) {
        int left = chars;
        while (left > 0) {
            int n = Math.min(left, SIZE / 2);
            int start = r.nextInt(SIZE / 2);
            int end = start + n;
            if (start > 0 && pool.charAt(start - 1) == '\\') {
                start++;
            }
            while (end > start && pool.charAt(end - 1) == '\\') {
                end--;
            }
            sb.append(pool, start, end);
            left -= n;
        }
    }
}
