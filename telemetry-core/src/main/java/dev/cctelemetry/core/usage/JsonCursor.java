package dev.cctelemetry.core.usage;

import dev.cctelemetry.core.scan.ByteWords;
import java.nio.charset.StandardCharsets;

/**
 * One JSON text in a byte array, read front to back on its UTF-8 bytes: the grammar steps {@link
 * TranscriptLineParser} needs (walk an object's fields, read a string or a number, skip any value) and nothing
 * else. Everything it passes over is checked against RFC 8259 as Jackson's defaults check it (no comments, no
 * trailing commas, no leading zeros, no raw control characters in strings, escapes as the RFC lists them, at most
 * {@value #MAX_DEPTH} levels), so a line is malformed here exactly when it is malformed for Jackson; the
 * differential property test against a Jackson reader holds it to that.
 *
 * <p>Why not Jackson itself: an assistant line is mostly message content that the ledger never keeps, and Jackson
 * tokenizes every byte of it. Here a string is passed over eight bytes at a time, names are compared as bytes,
 * and a value is decoded only when the parser asks for it; reading transcripts became several times cheaper
 * under the launcher's quick JIT tier, which does not vectorize loops.
 *
 * <p>Invalid UTF-8 never makes a line malformed by itself: the structure is ASCII, and the strings asked for are
 * decoded leniently (U+FFFD for what is not UTF-8), as Jackson's lenient second reading did.
 */
final class JsonCursor {

    /** Deeper than any real transcript; a hostile line must not exhaust the stack. */
    static final int MAX_DEPTH = 200;
    /** Jackson's default limit on the bytes of a field name. */
    static final int MAX_NAME_BYTES = 50_000;
    /** Jackson's default limit on the digits of a number. */
    static final int MAX_NUMBER_DIGITS = 1000;
    /** Jackson's default limit on the chars of a string value that is read (skipped strings are not limited). */
    static final int MAX_STRING_CHARS = 20_000_000;

    private static final long QUOTES = ByteWords.repeated((byte) '"');
    private static final long BACKSLASHES = ByteWords.repeated((byte) '\\');

    private byte[] b;
    private int end;
    private int pos;
    private int depth;

    /** The last name or string read: its raw bytes {@code [textStart, textEnd)}, and whether it had escapes. */
    private int textStart;
    private int textEnd;
    private boolean textEscaped;

    JsonCursor(byte[] buf, int off, int len) {
        reset(buf, off, len);
    }

    /** Points this cursor at another text: one cursor serves every line of a file. */
    void reset(byte[] buf, int off, int len) {
        this.b = buf;
        this.pos = off;
        this.end = off + len;
        this.depth = 0;
    }

    /**
     * Enters the root value when it is an object (a UTF-8 byte-order mark and whitespace before it are passed
     * over, as Jackson does).
     *
     * @return false when the text holds something else than an object
     */
    boolean enterRootObject() {
        if (end - pos >= 3 && b[pos] == (byte) 0xEF && b[pos + 1] == (byte) 0xBB && b[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
        if (peek() != '{') {
            return false;
        }
        pos++;
        deeper();
        return true;
    }

    /**
     * Enters the next value when it is an object; passes over it (checking it) when it is anything else.
     *
     * @return whether an object was entered, whose fields {@link #nextField} then reads
     */
    boolean enterObjectOrSkip() {
        if (peek() != '{') {
            skipValue();
            return false;
        }
        pos++;
        deeper();
        return true;
    }

    /**
     * Moves to the next field of the object being read and reads its name and colon; the field's value is next.
     *
     * @param first whether no field of this object has been read yet
     * @return false (the object left behind) when the object ends instead
     */
    boolean nextField(boolean first) {
        byte c = peek();
        if (c == '}') {
            pos++;
            depth--;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw new MalformedJson("expected ',' or '}'");
            }
            pos++;
            c = peek();
        }
        if (c != '"') {
            throw new MalformedJson("expected a field name");
        }
        readString();
        if (textEnd - textStart > MAX_NAME_BYTES) {
            throw new MalformedJson("field name too long");
        }
        if (peek() != ':') {
            throw new MalformedJson("expected ':'");
        }
        pos++;
        return true;
    }

    /** The number {@code names} gives the name just read by {@link #nextField}, or {@link FieldNames#UNKNOWN}. */
    int field(FieldNames names) {
        return textEscaped ? names.indexOf(decodeText()) : names.indexOf(b, textStart, textEnd - textStart);
    }

    /** The name just read by {@link #nextField}, decoded. */
    String name() {
        return decodeText();
    }

    /** The first byte of the next value, whitespace passed over; the value itself is not consumed. */
    byte peek() {
        int i = pos;
        if (i < end && b[i] > ' ') {
            return b[i]; // the usual case, Claude Code writes no whitespace between tokens; small enough to inline
        }
        return peekAfterWhitespace();
    }

    private byte peekAfterWhitespace() {
        byte[] buf = b;
        int i = pos;
        int n = end;
        while (i < n) {
            byte c = buf[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else {
                pos = i;
                return c;
            }
        }
        pos = i;
        throw new MalformedJson("unexpected end of input");
    }

    /**
     * The next value when it is a string, decoded (through {@code repeated} when not null and the string has no
     * escapes); any other value is passed over and gives null.
     */
    String stringOrSkip(RepeatedValues repeated) {
        if (peek() != '"') {
            skipValue();
            return null;
        }
        readString();
        if (!textEscaped && repeated != null) {
            return repeated.of(b, textStart, textEnd - textStart);
        }
        String s = decodeText();
        if (s.length() > MAX_STRING_CHARS) {
            throw new MalformedJson("string too long");
        }
        return s;
    }

    /** Whether the next value is the literal {@code true}; any value is passed over. */
    boolean trueOrSkip() {
        if (peek() == 't') {
            literal(TRUE);
            return true;
        }
        skipValue();
        return false;
    }

    /** Whether the next value is the literal {@code null}; any value is passed over. */
    boolean nullOrSkip() {
        if (peek() == 'n') {
            literal(NULL);
            return true;
        }
        skipValue();
        return false;
    }

    /** The next value when it is a number, as a double (Java's rounding); any other value gives null. */
    Double numberOrSkip() {
        byte c = peek();
        if (c != '-' && (c < '0' || c > '9')) {
            skipValue();
            return null;
        }
        int start = pos;
        boolean integral = number();
        String text = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
        // An integer goes through long as Jackson's does, so "-0" reads as 0.0, not -0.0.
        return integral && text.length() <= 18 ? (double) Long.parseLong(text) : Double.parseDouble(text);
    }

    /**
     * The next value as a token count: a non-negative integer that fits in a long, or null (read as 0).
     *
     * @throws MalformedJson for anything else (a fraction, a negative or too large number, text, an object)
     */
    long count() {
        byte c = peek();
        if (c == 'n') {
            literal(NULL);
            return 0;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            throw new MalformedJson("token count is not an integer");
        }
        int start = pos;
        if (!number()) {
            throw new MalformedJson("token count is not an integer");
        }
        int i = start;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        if (pos - i > 19) {
            throw new MalformedJson("token count out of range");
        }
        long v = 0;
        for (; i < pos; i++) {
            v = v * 10 + (b[i] - '0'); // 19 digits at most: can wrap past Long.MAX_VALUE, never further
        }
        if (v < 0) {
            throw new MalformedJson("token count out of range");
        }
        if (negative && v != 0) {
            throw new MalformedJson("negative token count");
        }
        return v;
    }

    /** Passes over the next value, whatever it is, checking its grammar. */
    void skipValue() {
        byte c = peek();
        switch (c) {
            case '"' -> readString();
            case '{' -> skipObject();
            case '[' -> skipArray();
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw new MalformedJson("unexpected character");
                }
            }
        }
    }

    private void skipObject() {
        pos++;
        deeper();
        for (boolean first = true; nextField(first); first = false) {
            skipValue();
        }
    }

    private void skipArray() {
        pos++;
        deeper();
        if (peek() == ']') {
            pos++;
            depth--;
            return;
        }
        while (true) {
            skipValue();
            byte c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return;
            }
            if (c != ',') {
                throw new MalformedJson("expected ',' or ']'");
            }
        }
    }

    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw new MalformedJson("nested too deeply");
        }
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private void literal(byte[] word) {
        if (end - pos < word.length) {
            throw new MalformedJson("unrecognized token");
        }
        for (int i = 0; i < word.length; i++) {
            if (b[pos + i] != word[i]) {
                throw new MalformedJson("unrecognized token");
            }
        }
        pos += word.length;
    }

    /**
     * Passes over a number, checking RFC 8259's grammar ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}).
     *
     * @return whether it is an integer (no fraction, no exponent)
     */
    private boolean number() {
        byte[] buf = b;
        int n = end;
        int i = pos;
        if (buf[i] == '-') {
            i++;
        }
        int digitsStart = i;
        if (i < n && buf[i] == '0') {
            i++;
            if (i < n && isDigit(buf[i])) {
                throw new MalformedJson("leading zeros");
            }
        } else {
            while (i < n && isDigit(buf[i])) {
                i++;
            }
            if (i == digitsStart) {
                throw new MalformedJson("no digits after '-'");
            }
        }
        int digits = i - digitsStart;
        boolean integral = true;
        if (i < n && buf[i] == '.') {
            int fractionStart = ++i;
            while (i < n && isDigit(buf[i])) {
                i++;
            }
            if (i == fractionStart) {
                throw new MalformedJson("no digits after '.'");
            }
            digits += i - fractionStart;
            integral = false;
        }
        if (i < n && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            if (i < n && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < n && isDigit(buf[i])) {
                i++;
            }
            if (i == exponentStart) {
                throw new MalformedJson("no digits in exponent");
            }
            digits += i - exponentStart;
            integral = false;
        }
        if (digits > MAX_NUMBER_DIGITS) {
            throw new MalformedJson("number too long");
        }
        pos = i;
        return integral;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads the string at {@code pos} (its opening quote) up to and past its closing quote, checking escapes and
     * rejecting raw control characters; remembers its raw body. Eight bytes a step until one is a quote, a
     * backslash or a control character.
     */
    private void readString() {
        byte[] buf = b;
        int n = end;
        int i = pos + 1;
        int start = i;
        boolean escaped = false;
        while (true) {
            while (i + ByteWords.SIZE <= n) {
                long x = ByteWords.at(buf, i);
                // A high bit marks a quote, a backslash or a byte below 0x20; the lowest mark is exact.
                long marks = ByteWords.marksOf(x, QUOTES) | ByteWords.marksOf(x, BACKSLASHES)
                        | ByteWords.controlMarks(x);
                if (marks != 0) {
                    i += ByteWords.firstMarkedByte(marks);
                    break;
                }
                i += ByteWords.SIZE;
            }
            if (i >= n) {
                throw new MalformedJson("unterminated string");
            }
            byte c = buf[i];
            if (c == '"') {
                textStart = start;
                textEnd = i;
                textEscaped = escaped;
                pos = i + 1;
                return;
            }
            if (c == '\\') {
                escaped = true;
                i = escapeEnd(i);
            } else if ((c & 0xFF) < 0x20) {
                throw new MalformedJson("control character in string");
            } else {
                i++; // a byte the word test over-reported at the tail
            }
        }
    }

    /** Checks the escape at {@code i} (its backslash) and returns the index after it. */
    private int escapeEnd(int i) {
        if (i + 1 >= end) {
            throw new MalformedJson("unterminated string");
        }
        switch (b[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 2;
            }
            case 'u' -> {
                if (i + 6 > end) {
                    throw new MalformedJson("unterminated string");
                }
                for (int k = i + 2; k < i + 6; k++) {
                    if (hex(b[k]) < 0) {
                        throw new MalformedJson("bad \\u escape");
                    }
                }
                return i + 6;
            }
            default -> throw new MalformedJson("unrecognized escape");
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The last name or string read, decoded: lenient UTF-8 between escapes, each escape as the char it names. */
    private String decodeText() {
        if (!textEscaped) {
            return new String(b, textStart, textEnd - textStart, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(textEnd - textStart);
        int run = textStart;
        int i = textStart;
        while (i < textEnd) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            byte e = b[i + 1];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append((char) (hex(b[i + 2]) << 12 | hex(b[i + 3]) << 8 | hex(b[i + 4]) << 4
                        | hex(b[i + 5])));
                default -> out.append((char) e); // '"', '\\' and '/' stand for themselves
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
        out.append(new String(b, run, textEnd - run, StandardCharsets.UTF_8));
        return out.toString();
    }

    /**
     * The text is not JSON (or breaks one of the limits): the line it came from is malformed. No stack trace: it
     * is an answer, not a fault, and hostile files may hold many such lines.
     */
    static final class MalformedJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedJson(String reason) {
            super(reason, null, false, false);
        }
    }
}
