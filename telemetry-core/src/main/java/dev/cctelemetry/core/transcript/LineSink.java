package dev.cctelemetry.core.transcript;

/** Receives complete lines from a {@link TranscriptReader}, as bytes without the newline. */
@FunctionalInterface
public interface LineSink {
    /**
     * One complete line.
     *
     * @param buf bytes holding the line; valid only during the call
     * @param off start of the line in {@code buf}
     * @param len length of the line
     * @param fileOffset byte offset of the line in the file
     */
    void line(byte[] buf, int off, int len, long fileOffset);
}
