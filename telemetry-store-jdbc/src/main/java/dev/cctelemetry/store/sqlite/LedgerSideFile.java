package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.io.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A copy of something the ledger holds, kept next to it ({@code telemetry.db-<suffix>}) for processes that must not
 * pay for opening SQLite. Framed so that a copy of another ledger, schema or format, or a torn one, reads as absent:
 * magic, format, the ledger's schema version and file identity, the payload, a CRC of all of it. Written atomically;
 * every commit deletes the copies first, so one that exists is never older than the ledger.
 */
final class LedgerSideFile {

    private final String suffix;
    private final int magic;

    /**
     * @param suffix the file name's suffix after the ledger's name ({@code -statusline})
     * @param magic a number of its own for this kind of copy
     */
    LedgerSideFile(String suffix, int magic) {
        this.suffix = suffix;
        this.magic = magic;
    }

    /** Where the copy for {@code ledgerFile} lives. */
    Path fileFor(Path ledgerFile) {
        return ledgerFile.resolveSibling(ledgerFile.getFileName() + suffix);
    }

    /** The payload of the copy for {@code ledgerFile} when there is one that describes it. */
    Optional<byte[]> read(Path ledgerFile, int format) {
        byte[] bytes;
        String ledgerKey;
        try {
            bytes = Files.readAllBytes(fileFor(ledgerFile));
            ledgerKey = identity(ledgerFile);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (bytes.length < Long.BYTES) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != magic || in.readInt() != format || in.readInt() != LedgerSchema.CURRENT
                    || !in.readUTF().equals(ledgerKey)) {
                return Optional.empty();
            }
            int length = in.readInt();
            byte[] payload = in.readNBytes(length);
            if (payload.length != length || in.readLong() != crc.getValue()) {
                return Optional.empty();
            }
            return Optional.of(payload);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the copy for {@code ledgerFile} atomically. */
    void write(Path ledgerFile, int format, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(format);
            out.writeInt(LedgerSchema.CURRENT);
            out.writeUTF(identity(ledgerFile));
            out.writeInt(payload.length);
            out.write(payload);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        AtomicFile.write(fileFor(ledgerFile), bytes.toByteArray());
    }

    /** Deletes the copy for {@code ledgerFile}. */
    void forget(Path ledgerFile) throws IOException {
        Files.deleteIfExists(fileFor(ledgerFile));
    }

    /**
     * The ledger file's identity: device and inode where the platform has them, else its path and creation time
     * (Windows), so that a ledger replaced by another file is told apart.
     */
    static String identity(Path ledgerFile) throws IOException {
        BasicFileAttributes a = Files.readAttributes(ledgerFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.fileKey() != null ? a.fileKey().toString()
                : ledgerFile.toAbsolutePath() + "@" + a.creationTime().toMillis();
    }
}
