package dev.cctelemetry.core.transcript;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Streams the complete lines of a transcript from a byte offset, with memory bounded by the longest line kept
 * (never the file size). A partial last line is not delivered: the returned end offset stops before it, so
 * the next read starts there once Claude Code has finished writing it. Lines longer than the cap are skipped
 * without being buffered, and counted.
 */
public final class TranscriptReader {

    /** Default cap on one line; no real assistant line comes near it (they hold one content block each). */
    public static final int DEFAULT_MAX_LINE = 32 * 1024 * 1024;
    /**
     * Bytes asked of the file at a time: at most what the JDK keeps of its temporary direct buffer per thread (the
     * launcher's {@code jdk.nio.maxCachedBufferSize}), so no read allocates, zeroes and frees one.
     */
    static final int CHUNK = 256 * 1024;

    /**
     * Each reading thread's buffer, kept from one file to the next: a new one per file, and a new bigger one per
     * long line (tool results of megabytes), were a third of what a sync allocated. Kept up to this size.
     */
    private static final int KEEP_BUFFER_MAX = 4 * 1024 * 1024;

    private final ThreadLocal<byte[]> spareBuffer = new ThreadLocal<>();

    private final int maxLine;
    private final List<String> needles;

    /** A reader with the default line cap that delivers every line. */
    public TranscriptReader() {
        this(DEFAULT_MAX_LINE, List.of());
    }

    /** A reader that skips lines longer than {@code maxLine} bytes and delivers every other line. */
    public TranscriptReader(int maxLine) {
        this(maxLine, List.of());
    }

    /**
     * A reader that delivers only lines containing at least one of {@code needles} (ASCII strings): the others
     * are skipped without a callback, which is how the ingest avoids parsing lines that cannot carry usage.
     */
    public TranscriptReader(int maxLine, List<String> needles) {
        if (maxLine < 1024) {
            throw new IllegalArgumentException("maxLine too small: " + maxLine);
        }
        this.maxLine = maxLine;
        this.needles = List.copyOf(needles);
        for (String n : this.needles) {
            if (n.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(n)) {
                throw new IllegalArgumentException("needles must be non-empty ASCII: " + n);
            }
        }
    }

    /**
     * Reads complete lines from {@code start} to the end of the file as it is now.
     *
     * @return where the next read should start, and what was read
     */
    public ReadResult read(Path file, long start, LineSink sink) throws IOException {
        return read(file, start, Long.MAX_VALUE, sink);
    }

    /**
     * Reads complete lines from {@code start}, stopping after about {@code maxBytes} (at a line boundary), so a
     * caller can commit a huge file in parts. Always makes progress: at least one line (or one skipped oversized
     * line) is consumed when the file has one.
     *
     * @param maxBytes bytes to read at most, beyond the current line; must exceed the line cap
     * @return where the next read should start, and whether the end of the file was reached
     */
    public ReadResult read(Path file, long start, long maxBytes, LineSink sink) throws IOException {
        if (maxBytes <= maxLine) {
            throw new IllegalArgumentException("maxBytes must exceed the line cap " + maxLine);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (start > size) {
                start = 0;
            }
            long limit = start + maxBytes < 0 ? Long.MAX_VALUE : start + maxBytes;
            byte[] buf = takeBuffer(size - start);
            int filled = 0;          // bytes in buf
            long bufStart = start;   // file offset of buf[0]
            long pos = start;        // next file offset to read
            long oversized = 0;
            boolean skipping = false; // inside an oversized line, discarding until its newline
            long skipStart = 0;       // file offset where that line began
            // Past the limit only to finish skipping an oversized line, so a huge line cannot stall progress.
            while (pos < size && (pos < limit || skipping)) {
                if (filled == buf.length) {
                    if (buf.length < maxLine) {
                        byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, maxLine)];
                        System.arraycopy(buf, 0, bigger, 0, filled);
                        buf = bigger;
                    } else {
                        // The current line exceeds the cap: drop what is buffered and skip to its end.
                        if (!skipping) {
                            skipping = true;
                            skipStart = bufStart;
                        }
                        bufStart += filled;
                        filled = 0;
                    }
                }
                int want = (int) Math.min(Math.min(buf.length - filled, CHUNK),
                        Math.max(1, skipping ? size - pos : limit - pos));
                int n = ch.read(ByteBuffer.wrap(buf, filled, want), pos);
                if (n <= 0) {
                    break;
                }
                int scanFrom = filled;
                filled += n;
                pos += n;
                // With needles, one Latin-1 view of the buffer serves the needle searches; without, no copy at all.
                String text = needles.isEmpty() ? null : new String(buf, 0, filled, StandardCharsets.ISO_8859_1);
                int[] nextNeedle = new int[needles.size()];
                java.util.Arrays.fill(nextNeedle, -2);
                int lineStart = 0;
                for (int i = NewlineSearch.next(buf, scanFrom, filled); i >= 0;
                        i = NewlineSearch.next(buf, i + 1, filled)) {
                    if (skipping) {
                        skipping = false;
                        oversized++;
                    } else {
                        int end = i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
                        if (end - lineStart > maxLine) {
                            oversized++;
                        } else if (end > lineStart && wanted(text, lineStart, end, nextNeedle)) {
                            sink.line(buf, lineStart, end - lineStart, bufStart + lineStart);
                        }
                    }
                    lineStart = i + 1;
                }
                if (lineStart > 0) {
                    System.arraycopy(buf, lineStart, buf, 0, filled - lineStart);
                    bufStart += lineStart;
                    filled -= lineStart;
                }
            }
            // The offset never passes an unfinished line: an oversized one still without its newline is
            // skipped again next time (bounded work, no memory).
            long end = skipping ? skipStart : bufStart;
            if (buf.length >= CHUNK && buf.length <= KEEP_BUFFER_MAX) {
                spareBuffer.set(buf);
            }
            return new ReadResult(end, pos - start, oversized, size, pos >= size);
        }
    }

    /** A buffer for reading {@code remaining} bytes: this thread's spare one, else a new one of the right size. */
    private byte[] takeBuffer(long remaining) {
        int size = (int) Math.min(Math.min(CHUNK, maxLine), Math.max(4096, remaining));
        byte[] spare = spareBuffer.get();
        if (spare != null && spare.length >= size && spare.length <= maxLine) {
            spareBuffer.remove(); // a sink that reads another file meanwhile must not share it
            return spare;
        }
        return new byte[size];
    }

    /** Whether the line {@code [start, end)} contains one of the needles (always, when there are none). */
    private boolean wanted(String text, int start, int end, int[] next) {
        if (text == null) {
            return true;
        }
        for (int k = 0; k < next.length; k++) {
            if (next[k] != -1 && next[k] < start) {
                next[k] = text.indexOf(needles.get(k), start);
            }
            if (next[k] >= 0 && next[k] < end) {
                return true;
            }
        }
        return false;
    }

    /** CRC32 of the first {@code min(length, HEAD_BYTES)} bytes of a file. */
    public static long headHash(Path file, long length) throws IOException {
        int n = (int) Math.min(length, FileCheckpoint.HEAD_BYTES);
        CRC32 crc = new CRC32();
        if (n > 0) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.allocate(n);
                while (b.hasRemaining() && ch.read(b) > 0) {
                    // keep reading until n bytes or EOF
                }
                b.flip();
                crc.update(b);
            }
        }
        return crc.getValue();
    }

    /**
     * What one read did.
     *
     * @param endOffset offset after the last complete line (where the next read starts)
     * @param bytesRead bytes read from the file
     * @param oversizedLines lines skipped because they exceeded the cap
     * @param sizeAtRead file size when the read began
     * @param reachedEnd whether the read went to the end of the file (false: stopped at the byte limit)
     */
    public record ReadResult(long endOffset, long bytesRead, long oversizedLines, long sizeAtRead,
            boolean reachedEnd) {
    }
}
