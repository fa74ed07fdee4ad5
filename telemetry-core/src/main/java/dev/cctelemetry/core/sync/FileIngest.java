package dev.cctelemetry.core.sync;

import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.transcript.FileCheckpoint;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptReader;
import dev.cctelemetry.core.usage.LineOrigin;
import dev.cctelemetry.core.usage.ParsedLine;
import dev.cctelemetry.core.usage.SessionCostState;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import dev.cctelemetry.core.usage.UsageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the new part of one transcript: decides where to start from its checkpoint (0 when the file is new,
 * truncated, replaced or rewritten), parses and prices the lines, and returns the records with the checkpoint
 * that covers them. Pure with respect to the ledger, so several files can be read in parallel.
 */
final class FileIngest {

    private final TranscriptReader reader;
    private final TranscriptLineParser parser;
    private final CostCalculator pricing;
    private final long partBytes;

    FileIngest(TranscriptReader reader, TranscriptLineParser parser, CostCalculator pricing) {
        this(reader, parser, pricing, PART_BYTES);
    }

    FileIngest(TranscriptReader reader, TranscriptLineParser parser, CostCalculator pricing, long partBytes) {
        this.partBytes = partBytes;
        this.reader = reader;
        this.parser = parser;
        this.pricing = pricing;
    }

    /** Where reading must start, or -1 when the file is unchanged since its checkpoint. */
    static long startOffset(TranscriptFile f, FileCheckpoint cp, boolean force) throws IOException {
        if (cp == null || force) {
            return 0;
        }
        if (cp.unchanged(f)) {
            return -1;
        }
        if (!cp.fileKey().equals(f.fileKey()) || f.size() < cp.offset()) {
            return 0; // replaced or truncated
        }
        if (TranscriptReader.headHash(f.path(), cp.offset()) != cp.headHash()) {
            return 0; // rewritten in place
        }
        return cp.offset();
    }

    /** Bytes read from one file before its records are handed over for a commit: bounds memory per file. */
    static final long PART_BYTES = 64L * 1024 * 1024;

    Result read(TranscriptFile f, long start) throws IOException {
        LineOrigin origin = f.origin();
        List<UsageRecord> records = new ArrayList<>();
        List<SessionCostState> costStates = new ArrayList<>();
        long[] malformed = {0};
        TranscriptLineParser.FileLines lines = parser.forFile();
        TranscriptReader.ReadResult rr = reader.read(f.path(), start, partBytes, (buf, off, len, at) -> {
            ParsedLine line = lines.parse(buf, off, len, origin, at);
            if (line instanceof ParsedLine.Usage u) {
                records.add(pricing.price(u.record()));
            } else if (line instanceof ParsedLine.CostState c) {
                costStates.add(c.state());
            } else if (line instanceof ParsedLine.Malformed) {
                malformed[0]++;
            }
        });
        // Read to the end: the size says how far the file was examined (an unfinished last line is not read again
        // until the file changes). Read in part: the size is the offset, so the rest is read on.
        long size = rr.reachedEnd() ? Math.max(rr.sizeAtRead(), rr.endOffset()) : rr.endOffset();
        FileCheckpoint cp = new FileCheckpoint(f.path().toString(), f.fileKey(), size, f.modifiedMillis(),
                rr.endOffset(), TranscriptReader.headHash(f.path(), rr.endOffset()));
        return new Result(f, cp, records, costStates, rr.bytesRead(), malformed[0] + rr.oversizedLines(),
                rr.reachedEnd() ? -1 : rr.endOffset());
    }

    /**
     * The outcome of reading (part of) one file.
     *
     * @param continueAt where to go on reading when the part limit stopped the read, else -1
     */
    record Result(TranscriptFile file, FileCheckpoint checkpoint, List<UsageRecord> records,
            List<SessionCostState> costStates, long bytesRead, long skippedLines, long continueAt) {
    }
}
