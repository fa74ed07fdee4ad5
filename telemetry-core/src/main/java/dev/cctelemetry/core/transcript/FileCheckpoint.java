package dev.cctelemetry.core.transcript;

import java.util.Objects;

/**
 * How far a transcript has been read: the byte offset after the last complete line, and enough about the file
 * to notice that it was truncated or replaced (then it is read again from 0; dedupe makes that safe).
 *
 * @param path the transcript path
 * @param fileKey file identity when read (inode), or ""
 * @param size size when read to its end (then the bytes from {@code offset} to here are an unfinished line), or
 *     {@code offset} when the file was read only in part
 * @param modifiedMillis last-modified time when read
 * @param offset byte offset after the last complete line ingested
 * @param headHash CRC32 of the file's first {@code min(offset, HEAD_BYTES)} bytes
 */
public record FileCheckpoint(String path, String fileKey, long size, long modifiedMillis, long offset,
        long headHash) {

    /** Bytes at the start of a file whose checksum detects a rewrite in place. */
    public static final int HEAD_BYTES = 4096;

    public FileCheckpoint {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(fileKey, "fileKey is null");
        if (offset < 0 || offset > size) {
            throw new IllegalArgumentException("offset out of range: " + offset + " of " + size);
        }
    }

    /**
     * Whether there is nothing to read: the file looks exactly as when this checkpoint was taken (same identity,
     * size and time). An offset short of the size means the bytes past it were read and are an unfinished last
     * line (a line still being written, or one with no newline at all, of any length): they are not read again
     * until the file changes, usually by growing. A file read only in part has a checkpoint whose size is its
     * offset, so it is never unchanged while bytes remain.
     */
    public boolean unchanged(TranscriptFile f) {
        return f.size() == size && f.modifiedMillis() == modifiedMillis && f.fileKey().equals(fileKey);
    }
}
