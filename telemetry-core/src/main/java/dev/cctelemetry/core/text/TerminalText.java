package dev.cctelemetry.core.text;

/**
 * Text from transcripts, the ledger or another machine's records made safe to print on a terminal. Model ids,
 * working directories, versions and session ids come from files anyone (or any tool) can write, and a record
 * pushed by one machine is printed by every {@code report --remote}: an {@code ESC ]0;…BEL} in a model id would
 * set each viewer's window title, an {@code ESC [2J} clear their screen, a newline break a table. Every control
 * character (C0, DEL, C1) and every Unicode bidirectional override, which can make text read in another order than
 * it is stored, is shown as a visible escape instead: {@code \n}, {@code \r}, {@code \t}, {@code \x1b} for C0 and
 * DEL, a backslash, {@code u} and four hex digits for C1 and bidi characters (U+009B, U+202E).
 * Ordinary text, backslashes included, is returned as it is. JSON output does not use this: its writer escapes
 * control characters and keeps the exact value.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every character a terminal would act on replaced by a visible escape. */
    public static String printable(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                hex(out.append(c < 0x80 ? "\\x" : "\\u"), c, c < 0x80 ? 2 : 4);
            }
        }
        return out.toString();
    }

    private static void hex(StringBuilder out, char c, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(Character.forDigit((c >> shift) & 0xF, 16));
        }
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates (U+202A–E, U+2066–9). */
    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
