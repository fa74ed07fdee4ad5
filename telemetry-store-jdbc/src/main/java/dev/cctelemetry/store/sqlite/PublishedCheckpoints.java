package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The ledger's file checkpoints and record count as of the end of the last sync, in a file next to it
 * ({@code telemetry.db-checkpoints}) that a process reads without opening SQLite: enough to tell that a sync
 * would find nothing new, which is most syncs, for a fraction of what opening the ledger costs.
 *
 * <p>It is a copy, kept exact by three rules. It is written by a sync that holds the sync lock, after its last
 * commit and after the ledger's log has been flushed to disk, so it never claims more than the ledger durably
 * holds. Every commit deletes it first ({@link #forget}), so while it exists no commit has happened since it was
 * written. It names the ledger file it describes (file identity), so a ledger moved aside, restored or replaced
 * makes it void. A missing, torn or foreign file reads as absent: the caller then opens the ledger as always.
 *
 * @param recordCount records in the ledger
 * @param checkpoints the ledger's checkpoints by transcript path
 */
public record PublishedCheckpoints(long recordCount, Map<String, FileCheckpoint> checkpoints) {

    private static final int MAGIC = 0x43435443; // "CCTC"
    private static final int FORMAT = 1;

    public PublishedCheckpoints {
        checkpoints = Map.copyOf(checkpoints);
    }

    /** Where the copy of {@code ledgerFile}'s checkpoints lives. */
    static Path fileFor(Path ledgerFile) {
        return ledgerFile.resolveSibling(ledgerFile.getFileName() + "-checkpoints");
    }

    /**
     * The checkpoints last published for {@code ledgerFile}, when they still describe it: empty when there are
     * none, when a commit has happened since, when the ledger file is another one, or when the file is unreadable.
     */
    public static Optional<PublishedCheckpoints> read(Path ledgerFile) {
        byte[] bytes;
        String ledgerKey;
        try {
            bytes = Files.readAllBytes(fileFor(ledgerFile));
            ledgerKey = identity(ledgerFile);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none published, or the ledger itself is gone
        }
        if (bytes.length < Long.BYTES) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            // Another schema version: the ledger may be one this build refuses, which only opening it says.
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readInt() != LedgerSchema.CURRENT
                    || !in.readUTF().equals(ledgerKey)) {
                return Optional.empty();
            }
            long records = in.readLong();
            int n = in.readInt();
            Map<String, FileCheckpoint> checkpoints = new HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                FileCheckpoint cp = new FileCheckpoint(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                        in.readLong(), in.readLong());
                checkpoints.put(cp.path(), cp);
            }
            if (in.readLong() != crc.getValue()) {
                return Optional.empty();
            }
            return Optional.of(new PublishedCheckpoints(records, checkpoints));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // torn or foreign: as if absent
        }
    }

    /** Writes the copy for {@code ledgerFile} (atomically, flushed). The caller holds the sync lock. */
    static void write(Path ledgerFile, long recordCount, Collection<FileCheckpoint> checkpoints) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + checkpoints.size() * 160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(LedgerSchema.CURRENT);
            out.writeUTF(identity(ledgerFile));
            out.writeLong(recordCount);
            out.writeInt(checkpoints.size());
            for (FileCheckpoint cp : checkpoints) {
                out.writeUTF(cp.path());
                out.writeUTF(cp.fileKey());
                out.writeLong(cp.size());
                out.writeLong(cp.modifiedMillis());
                out.writeLong(cp.offset());
                out.writeLong(cp.headHash());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        AtomicFile.write(fileFor(ledgerFile), bytes.toByteArray());
    }

    /** Deletes the copy: done before every commit, so that a copy that exists is never older than the ledger. */
    static void forget(Path ledgerFile) throws IOException {
        Files.deleteIfExists(fileFor(ledgerFile));
    }

    /**
     * The ledger file's identity: device and inode where the platform has them, else its path and creation time
     * (Windows), so that a ledger replaced by another file is told apart.
     */
    private static String identity(Path ledgerFile) throws IOException {
        return LedgerSideFile.identity(ledgerFile);
    }
}
