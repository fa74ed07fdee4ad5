package dev.cctelemetry.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Claude config roots hook workers have seen ({@code <home>/state/roots.json}), so the daemon also scans
 * roots that only a Claude Code session's {@code CLAUDE_CONFIG_DIR} named. The file is a JSON array of paths
 * (strings, or objects with a {@code path} or {@code dir} member). Absent, unreadable or malformed means "no
 * extra roots": the file only ever widens the scan.
 */
public final class KnownRootsFile {

    private static final Logger log = LoggerFactory.getLogger(KnownRootsFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** The roots file at {@code file}. */
    public KnownRootsFile(Path file) {
        this.file = file;
    }

    /** The roots listed whose {@code projects/} folder exists now. */
    public List<ClaudeRoot> read() {
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            log.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return List.of();
        }
        if (doc != null && doc.isObject() && doc.has("roots")) {
            doc = doc.get("roots");
        }
        if (doc == null || !doc.isArray()) {
            log.warn("ignoring {}: not a JSON array of paths", file);
            return List.of();
        }
        List<ClaudeRoot> roots = new ArrayList<>();
        for (JsonNode n : doc) {
            JsonNode p = n.isObject() ? (n.has("path") ? n.get("path") : n.get("dir")) : n;
            if (p == null || !p.isTextual() || p.asText().isBlank()) {
                continue;
            }
            try {
                Path dir = Path.of(p.asText());
                if (!dir.isAbsolute()) {
                    continue;
                }
                // A recorded projects/ folder itself is accepted too.
                if (!Files.isDirectory(dir.resolve("projects")) && dir.getFileName() != null
                        && dir.getFileName().toString().equals("projects") && Files.isDirectory(dir)) {
                    dir = dir.getParent();
                }
                if (Files.isDirectory(dir.resolve("projects"))) {
                    roots.add(new ClaudeRoot(dir));
                }
            } catch (InvalidPathException e) {
                log.debug("ignoring invalid root path {}", p.asText());
            }
        }
        return roots;
    }
}
