package dev.cctelemetry.cli.hook;

import dev.cctelemetry.core.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Claude config roots hook workers have seen, in {@code <home>/state/roots.json}. A hook runs with Claude
 * Code's own environment ({@code CLAUDE_CONFIG_DIR}, {@code HOME}), which the daemon or a manual {@code sync} may
 * not share; every root that held a hooked session's transcript is recorded here so that they can scan it too.
 * Written only by the holder of the sync lock, so read-modify-write is safe; replaced atomically, so a reader
 * never sees half a file.
 */
public final class RecordedRoots {

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The roots recorded in {@code file} (usually {@code <home>/state/roots.json}). */
    public RecordedRoots(Path file) {
        this.file = Objects.requireNonNull(file, "file is null");
    }

    /** The recorded roots, in recording order; a missing or damaged file counts as none. */
    public List<ClaudeRoot> load() {
        JsonNode n;
        try {
            n = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of(); // a damaged file is rewritten by the next hook
        }
        List<ClaudeRoot> out = new ArrayList<>();
        for (JsonNode r : n.path("roots")) {
            if (r.isTextual()) {
                try {
                    Path p = Path.of(r.asText());
                    if (p.isAbsolute()) {
                        out.add(new ClaudeRoot(p));
                    }
                } catch (InvalidPathException e) {
                    // skip: not a path on this OS
                }
            }
        }
        return List.copyOf(out);
    }

    /** Adds {@code roots} not yet recorded; writes only when something is new. */
    public void add(List<ClaudeRoot> roots) throws IOException {
        Set<ClaudeRoot> all = new LinkedHashSet<>(load());
        if (all.containsAll(roots)) {
            return;
        }
        all.addAll(roots);
        ObjectNode doc = mapper.createObjectNode();
        ArrayNode arr = doc.putArray("roots");
        all.forEach(r -> arr.add(r.id()));
        AtomicFile.write(file, mapper.writeValueAsBytes(doc));
    }
}
