package dev.cctelemetry.app.roots;

import dev.cctelemetry.core.json.JsonDocumentWriter;
import dev.cctelemetry.core.json.JsonTreeReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.port.out.SyncLock;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Claude config roots hook workers have seen, in {@code state/roots.json}: the one owner of that file. A hook
 * runs with Claude Code's own environment ({@code CLAUDE_CONFIG_DIR}, {@code HOME}), which the daemon or a manual
 * {@code sync} may not share; every root that held a hooked session's transcript is recorded so that they scan
 * it too.
 *
 * <p>Written as {@code {"roots": ["/abs/path", ...]}}. Read leniently, as every earlier writer wrote it: that
 * object, or a bare array; entries as strings or objects with a {@code path} or {@code dir} member; a recorded
 * {@code projects/} folder stands for its parent. Absent, unreadable or malformed means "no extra roots": the
 * file only ever widens a scan. Writers take {@code state/roots.lock} for their read-modify-write, so two hook
 * workers recording different roots at once both keep theirs; the file is replaced atomically, so a reader never
 * sees half of it.
 */
public final class KnownRoots {

    private static final Logger log = LoggerFactory.getLogger(KnownRoots.class);

    private final Path file;
    private final SyncLock lock;
    private final JsonDocumentWriter writer = new JsonDocumentWriter(true);

    @Inject
    KnownRoots(InstallLayout layout) {
        this(layout.knownRoots(), new FileSyncLock(layout.knownRootsLock()));
    }

    /** The registry in {@code file}, its writers ordered by {@code lock}. */
    public KnownRoots(Path file, SyncLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /** The recorded roots whose {@code projects/} folder exists now, in recording order. */
    public List<ClaudeRoot> existing() {
        return recorded().stream().filter(r -> Files.isDirectory(r.projects())).toList();
    }

    /** Every recorded root, present or not (an unmounted disk's root stays recorded), in recording order. */
    public List<ClaudeRoot> recorded() {
        JsonNode doc;
        try {
            doc = JsonTreeReader.read(Files.readAllBytes(file));
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
            log.warn("ignoring {}: not a list of paths", file);
            return List.of();
        }
        Set<ClaudeRoot> roots = new LinkedHashSet<>();
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
                roots.add(new ClaudeRoot(dir));
            } catch (InvalidPathException e) {
                log.debug("ignoring invalid root path {}", p.asText());
            }
        }
        return List.copyOf(roots);
    }

    /** Adds the roots not yet recorded; writes (under the registry's lock) only when something is new. */
    public void record(List<ClaudeRoot> roots) throws IOException, InterruptedException {
        if (recorded().containsAll(roots)) {
            return;
        }
        try (SyncLock.Held held = lock.acquire()) {
            Set<ClaudeRoot> all = new LinkedHashSet<>(recorded());
            if (all.addAll(roots)) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                ArrayNode arr = doc.putArray("roots");
                all.forEach(r -> arr.add(r.id()));
                AtomicFile.write(file, writer.bytes(doc));
            }
        }
    }
}
