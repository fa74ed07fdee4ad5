package dev.cctelemetry.core.transcript;

import java.util.Comparator;

/**
 * Strings in Unicode code point order, which is the byte order of their UTF-8 form: the order in which SQLite
 * (its default {@code BINARY} collation) sorts transcript paths. {@link String#compareTo} differs from it only
 * where a surrogate pair (a code point above U+FFFF) meets a character from U+E000 to U+FFFF.
 */
public final class PathOrder implements Comparator<String> {

    /** The one instance (it holds no state). */
    public static final PathOrder INSTANCE = new PathOrder();

    private PathOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                if (sx != Character.isSurrogate(y)) {
                    return sx ? 1 : -1; // a code point above U+FFFF sorts after every single char
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
