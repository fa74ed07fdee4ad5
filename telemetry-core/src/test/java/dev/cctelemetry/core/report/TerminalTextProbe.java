package dev.cctelemetry.core.report;

/** The characters a terminal acts on, spelled out independently of the code under test. */
final class TerminalTextProbe {

    private TerminalTextProbe() {
    }

    static boolean unsafe(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u202a' || c == '\u202b' || c == '\u202c'
                || c == '\u202d' || c == '\u202e' || c == '\u2066' || c == '\u2067' || c == '\u2068'
                || c == '\u2069';
    }
}
