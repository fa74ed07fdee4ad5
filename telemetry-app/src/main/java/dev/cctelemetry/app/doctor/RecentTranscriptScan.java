package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.json.JsonTreeReader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptWalk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What the most recent transcripts say about Claude Code itself: the newest {@code version} and the durations
 * of our hooks in {@code system}/{@code stop_hook_summary} lines ({@code hookInfos[].durationMs} of commands
 * running our scripts). Reads only the tail of the newest few files, so it stays fast on large histories.
 */
public final class RecentTranscriptScan {

    static final int FILES = 20;
    static final int TAIL_BYTES = 2 * 1024 * 1024;

    /**
     * What the scan found.
     *
     * @param newestVersion the highest version seen
     * @param hookDurationsMillis durations of our hook commands, in file order
     */
    public record Findings(Optional<ClaudeVersion> newestVersion, List<Long> hookDurationsMillis) {
        public Findings {
            hookDurationsMillis = List.copyOf(hookDurationsMillis);
        }
    }

    /** Scans the newest transcripts under {@code roots}. */
    public Findings scan(List<ClaudeRoot> roots, List<String> markers) {
        // The newest few, kept in a bounded heap while walking: a whole history's list would not fit the heap.
        Comparator<TranscriptFile> byTime = Comparator.comparingLong(TranscriptFile::modifiedMillis);
        PriorityQueue<TranscriptFile> newestFiles = new PriorityQueue<>(FILES + 1, byTime);
        TranscriptWalk walk = new TranscriptDiscovery().walk(roots, Set.of());
        while (walk.hasNext()) {
            newestFiles.add(walk.next());
            if (newestFiles.size() > FILES) {
                newestFiles.poll();
            }
        }
        List<TranscriptFile> files = new ArrayList<>(newestFiles);
        files.sort(byTime.reversed());
        Optional<ClaudeVersion> newest = Optional.empty();
        List<Long> durations = new ArrayList<>();
        for (TranscriptFile f : files) {
            for (String line : tail(f)) {
                if (line.contains("\"version\"")) {
                    Optional<ClaudeVersion> v = versionOf(line);
                    if (v.isPresent() && (newest.isEmpty() || v.get().compareTo(newest.get()) > 0)) {
                        newest = v;
                    }
                }
                if (line.contains("stop_hook_summary")) {
                    durations.addAll(durations(line, markers));
                }
            }
        }
        return new Findings(newest, durations);
    }

    private Optional<ClaudeVersion> versionOf(String line) {
        int at = line.indexOf("\"version\":\"");
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + "\"version\":\"".length();
        int end = line.indexOf('"', start);
        return end > start ? ClaudeVersion.find(line.substring(start, end)) : Optional.empty();
    }

    private List<Long> durations(String line, List<String> markers) {
        List<Long> out = new ArrayList<>();
        try {
            JsonNode n = JsonTreeReader.read(line);
            if (!"stop_hook_summary".equals(n.path("subtype").asText())) {
                return out;
            }
            for (JsonNode info : n.path("hookInfos")) {
                String cmd = info.path("command").asText("");
                if (markers.stream().anyMatch(cmd::contains) && info.path("durationMs").isNumber()) {
                    out.add(info.path("durationMs").asLong());
                }
            }
        } catch (IOException e) {
            // a torn or odd line: skip it
        }
        return out;
    }

    private static List<String> tail(TranscriptFile f) {
        try (SeekableByteChannel ch = Files.newByteChannel(f.path())) {
            long size = ch.size();
            long start = Math.max(0, size - TAIL_BYTES);
            ch.position(start);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - start));
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading
            }
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // partial first line
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }
}
