package dev.cctelemetry.platform.unix;

import java.util.Optional;

/** POSIX shell quoting: a single-quoted word is taken literally by every {@code sh}, whatever it contains. */
final class ShellQuoting {

    private ShellQuoting() {
    }

    /** {@code value} as one single-quoted shell word; each {@code '} becomes {@code '\''}. */
    static String singleQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** The value of a word {@link #singleQuote} wrote; empty when {@code word} is not such a word. */
    static Optional<String> unquote(String word) {
        if (word.length() < 2 || word.charAt(0) != '\'' || word.charAt(word.length() - 1) != '\'') {
            return Optional.empty();
        }
        String[] parts = word.substring(1, word.length() - 1).split("'\\\\''", -1);
        for (String part : parts) {
            if (part.indexOf('\'') >= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join("'", parts));
    }
}
