package dev.cctelemetry.app.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cctelemetry.app.push.PushResultJson;
import dev.cctelemetry.core.push.PushResult;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sync says about itself, the same words for every path that syncs: the usual one, the quick one that
 * answers a sync with nothing new before anything starts, a report's sync and a repair's.
 */
public final class SyncSummaryText {

    private SyncSummaryText() {
    }

    /**
     * "Synced 3 files (1 read, 2.5 KB) in 0.05 s: …" (numbers as {@link Figures} writes them, nouns in the number
     * they take: "1 line skipped").
     */
    public static String summaryLine(SyncSummary s) {
        return "Synced " + Figures.counted(s.filesScanned(), "file", "files") + " (" + Figures.grouped(s.filesRead())
                + " read, " + ByteSize.kilobytesOrMegabytes(s.bytesRead()) + ") in "
                + Figures.fixed(s.elapsed().toMillis() / 1000.0, 2) + " s: "
                + Figures.counted(s.newRecords(), "new record", "new records") + ", "
                + Figures.grouped(s.updatedRecords()) + " updated, "
                + Figures.counted(s.sessionsTouched(), "session", "sessions") + " touched, "
                + Figures.counted(s.skippedLines(), "line", "lines") + " skipped.";
    }

    /** "Ledger: /path (116,907 records)". */
    public static String ledgerLine(Path ledger, long records) {
        return "Ledger: " + ledger + " (" + Figures.counted(records, "record", "records") + ")";
    }

    /** What the status file says of a sync: "3 new records". */
    public static String statusDetail(SyncSummary s) {
        return Figures.counted(s.newRecords(), "new record", "new records");
    }

    /** What this sync repaired before it could do its work, one line each (none after a clean run). */
    public static List<String> recoveryNotices(SyncSummary s, boolean stateLost) {
        List<String> notes = new ArrayList<>();
        if (s.resumedAfterInterruption()) {
            notes.add("Recovered: the previous sync was interrupted; resumed from its last committed checkpoints"
                    + " (records are written with their checkpoints, so nothing is lost or counted twice).");
        }
        if (stateLost) {
            notes.add("Recovered: the state folder was missing and has been recreated (the ledger and its"
                    + " checkpoints were intact).");
        }
        return notes;
    }

    /**
     * The summary as one JSON object, with Jackson's streaming writer (the object mapper costs a quick sync more
     * than the sync itself).
     */
    public static String toJson(SyncSummary s, List<ClaudeRoot> roots, long total, boolean stateLost,
            PushResult pushed) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("roots");
            for (ClaudeRoot r : roots) {
                g.writeString(r.id());
            }
            g.writeEndArray();
            g.writeNumberField("filesScanned", s.filesScanned());
            g.writeNumberField("filesRead", s.filesRead());
            g.writeNumberField("bytesRead", s.bytesRead());
            g.writeNumberField("newRecords", s.newRecords());
            g.writeNumberField("updatedRecords", s.updatedRecords());
            g.writeNumberField("sessionsTouched", s.sessionsTouched());
            g.writeNumberField("skippedLines", s.skippedLines());
            g.writeNumberField("elapsedMillis", s.elapsed().toMillis());
            g.writeNumberField("ledgerRecords", total);
            g.writeBooleanField("resumedAfterInterruption", s.resumedAfterInterruption());
            g.writeBooleanField("recreatedStateFolder", stateLost);
            if (pushed.outcome() != PushResult.Outcome.NOT_CONFIGURED) {
                g.writeFieldName("push");
                g.writeRawValue(PushResultJson.toJson(pushed));
            }
            g.writeEndObject();
        }
        return w.toString();
    }
}
