package dev.cctelemetry.platform.windows;

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
