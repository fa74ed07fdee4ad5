package dev.cctelemetry.platform.windows;

import java.util.Optional;

/** Quoting for PowerShell source text and for Windows command lines. */
final class PowerShellQuoting {

    private PowerShellQuoting() {
    }

    /**
     * {@code value} as a PowerShell single-quoted string literal: taken literally ({@code $} and backticks are
     * not expanded); every single quote is doubled, including the typographic ones PowerShell also accepts as
     * single quotes (U+2018, U+2019, U+201A, U+201B).
     */
    static String singleQuote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                b.append(c);
            }
            b.append(c);
        }
        return b.append('\'').toString();
    }

    /** The value of a literal {@link #singleQuote} wrote; empty when {@code literal} is not such a literal. */
    static Optional<String> unquote(String literal) {
        if (literal.length() < 2 || !isQuote(literal.charAt(0)) || !isQuote(literal.charAt(literal.length() - 1))) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (isQuote(c)) {
                if (i + 1 >= literal.length() - 1 || literal.charAt(i + 1) != c) {
                    return Optional.empty(); // a lone quote would have ended the literal
                }
                i++;
            }
            b.append(c);
        }
        return Optional.of(b.toString());
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
    }

    /**
     * {@code arg} quoted for a Windows command line so that {@code CommandLineToArgvW} and the C runtime give it
     * back unchanged: wrapped in double quotes, a double quote becomes {@code \"}, and backslashes are doubled
     * only where they precede a double quote (or the closing one).
     */
    static String windowsArgument(String arg) {
        StringBuilder b = new StringBuilder(arg.length() + 2).append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                b.append("\\".repeat(2 * backslashes + 1));
            } else {
                b.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            b.append(c);
        }
        b.append("\\".repeat(2 * backslashes));
        return b.append('"').toString();
    }
}
