package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.transcript.CheckpointLookup;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.PathOrder;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

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
 * <p>Checkpoints are written and read as a stream in {@link PathOrder} of their paths, the order of a
 * {@link dev.cctelemetry.core.transcript.TranscriptWalk}, so neither side holds them all: a history of half a
 * million transcripts is about 60 MB here, which a process with a 128 MiB heap can stream but not hold.
 *
 * @param recordCount records in the ledger
 * @param checkpoints the ledger's checkpoints by transcript path
 */
public record PublishedCheckpoints(long recordCount, Map<String, FileCheckpoint> checkpoints) {

    private static final int MAGIC = 0x43435443; // "CCTC"
    private static final int FORMAT = 2;
    private static final int ENTRY = 1;
    private static final int END = 0;

    public PublishedCheckpoints {
        checkpoints = Map.copyOf(checkpoints);
    }

    /** Where the copy of {@code ledgerFile}'s checkpoints lives. */
    static Path fileFor(Path ledgerFile) {
        return ledgerFile.resolveSibling(ledgerFile.getFileName() + "-checkpoints");
    }

    /**
     * The whole copy last published for {@code ledgerFile}, when it still describes it: empty when there is none,
     * when a commit has happened since, when the ledger file is another one, or when the file is unreadable. Holds
     * every checkpoint: {@link #open} streams them.
     */
    public static Optional<PublishedCheckpoints> read(Path ledgerFile) {
        Optional<Reader> opened = open(ledgerFile);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Reader r = opened.get()) {
            Map<String, FileCheckpoint> all = new HashMap<>();
            for (FileCheckpoint cp = r.nextEntry(); cp != null; cp = r.nextEntry()) {
                all.put(cp.path(), cp);
            }
            return r.valid ? Optional.of(new PublishedCheckpoints(r.recordCount, all)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The copy last published for {@code ledgerFile}, opened for streaming when its header describes this ledger
     * file and schema; empty otherwise. Its entries are trusted only once {@link Reader#verify} says so.
     */
    public static Optional<Reader> open(Path ledgerFile) {
        InputStream in = null;
        try {
            String ledgerKey = identity(ledgerFile);
            in = Files.newInputStream(fileFor(ledgerFile));
            Reader r = new Reader(in);
            // Another schema version: the ledger may be one this build refuses, which only opening it says.
            if (r.in.readInt() != MAGIC || r.in.readInt() != FORMAT || r.in.readInt() != LedgerSchema.CURRENT
                    || !r.in.readUTF().equals(ledgerKey)) {
                r.close();
                return Optional.empty();
            }
            r.recordCount = r.in.readLong();
            return Optional.of(r);
        } catch (IOException | RuntimeException e) {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing was read from it
                }
            }
            return Optional.empty(); // none published, or the ledger itself is gone
        }
    }

    /** The checkpoints to publish, handed over one at a time in {@link PathOrder} of their paths. */
    @FunctionalInterface
    interface Source {
        /** Calls {@code sink} with every checkpoint, in path order. */
        void forEach(Sink sink) throws IOException;
    }

    /** Takes one checkpoint. */
    @FunctionalInterface
    interface Sink {
        void accept(FileCheckpoint cp) throws IOException;
    }

    /** Writes the copy for {@code ledgerFile} (atomically, flushed), streamed. The caller holds the sync lock. */
    static void write(Path ledgerFile, long recordCount, Source checkpoints) throws IOException {
        String ledgerKey = identity(ledgerFile);
        AtomicFile.write(fileFor(ledgerFile), raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(LedgerSchema.CURRENT);
            out.writeUTF(ledgerKey);
            out.writeLong(recordCount);
            int[] n = {0};
            checkpoints.forEach(cp -> {
                out.writeByte(ENTRY);
                out.writeUTF(cp.path());
                out.writeUTF(cp.fileKey());
                out.writeLong(cp.size());
                out.writeLong(cp.modifiedMillis());
                out.writeLong(cp.offset());
                out.writeLong(cp.headHash());
                n[0]++;
            });
            out.writeByte(END);
            out.writeInt(n[0]);
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
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

    /**
     * A published copy read front to back: windows of a walk look up their checkpoints in path order
     * ({@link #between}), then {@link #verify} reads the rest and checks that the copy is whole. Until it has,
     * nothing read from it may be trusted.
     */
    public static final class Reader implements CheckpointLookup, AutoCloseable {
        private final CRC32 crc = new CRC32();
        private final InputStream raw;
        private final DataInputStream in;
        private long recordCount;
        private FileCheckpoint peeked;
        private String lastAsked;
        private int entries;
        private boolean ended;
        private boolean valid;

        private Reader(InputStream raw) {
            this.raw = new BufferedInputStream(raw, 64 * 1024);
            this.in = new DataInputStream(new CheckedInputStream(this.raw, crc));
        }

        /** The ledger's record count as published (trusted once verified). */
        public long recordCount() {
            return recordCount;
        }

        /**
         * {@inheritDoc} Windows must come in increasing order: one that starts at or before the previous one's
         * end cannot be served from a stream and is refused with {@link IllegalStateException}.
         */
        @Override
        public Map<String, FileCheckpoint> between(String first, String last) throws IOException {
            if (lastAsked != null && PathOrder.INSTANCE.compare(first, lastAsked) <= 0) {
                throw new IllegalStateException("windows out of order: " + first + " after " + lastAsked);
            }
            lastAsked = last;
            Map<String, FileCheckpoint> out = new HashMap<>();
            while (true) {
                FileCheckpoint cp = peeked != null ? peeked : nextEntry();
                peeked = null;
                if (cp == null) {
                    return out;
                }
                if (PathOrder.INSTANCE.compare(cp.path(), last) > 0) {
                    peeked = cp;
                    return out;
                }
                if (PathOrder.INSTANCE.compare(cp.path(), first) >= 0) {
                    out.put(cp.path(), cp);
                } // else: the checkpoint of a transcript that is gone
            }
        }

        /** Reads what is left and tells whether the copy is whole: its end, entry count and checksum hold. */
        public boolean verify() throws IOException {
            while (nextEntry() != null) {
                // passing over the rest
            }
            return valid;
        }

        /** The next checkpoint, or null at the end (which settles {@link #valid}). */
        private FileCheckpoint nextEntry() throws IOException {
            if (ended) {
                return null;
            }
            int marker = in.readUnsignedByte();
            if (marker == ENTRY) {
                entries++;
                return new FileCheckpoint(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
                        in.readLong());
            }
            ended = true;
            if (marker == END && in.readInt() == entries) {
                long expected = crc.getValue();
                valid = new DataInputStream(raw).readLong() == expected && raw.read() < 0;
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
