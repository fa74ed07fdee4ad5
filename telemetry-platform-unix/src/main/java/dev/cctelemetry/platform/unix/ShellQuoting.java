package dev.cctelemetry.platform.unix;

/** POSIX shell quoting: a single-quoted word is taken literally by every {@code sh}, whatever it contains. */
final class ShellQuoting {

    private ShellQuoting() {
    }

    /** {@code value} as one single-quoted shell word; each {@code '} becomes {@code '\''}. */
    static String singleQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
