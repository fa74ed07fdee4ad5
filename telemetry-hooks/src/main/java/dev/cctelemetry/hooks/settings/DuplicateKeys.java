package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds members named twice in one object of a settings file. {@code JSON.parse}, and so Claude Code, keeps the
 * last of them and ignores the others; so does the tree cc-telemetry edits, and the rewritten file then holds only
 * the last one. A file with {@code "hooks"} twice is the case that matters: the user should hear which block
 * counts. One streaming pass over text that already parsed; no tree is built.
 */
final class DuplicateKeys {

    /**
     * A member named more than once.
     *
     * @param path the member's name, prefixed by its parents' ({@code hooks} or {@code hooks.Stop})
     * @param lines the line of each occurrence, in file order; the last is the one that counts
     */
    record Duplicate(String path, List<Integer> lines) {
        Duplicate {
            lines = List.copyOf(lines);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private DuplicateKeys() {
    }

    /** The duplicates of {@code json} (valid JSON), in the order their last occurrence appears. */
    static List<Duplicate> find(String json) {
        Deque<Scope> scopes = new ArrayDeque<>();
        Map<String, List<Integer>> seen = new HashMap<>();
        List<String> order = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            String pending = "";
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        String parent = scopes.isEmpty() ? "" : scopes.peek().path;
                        String path = scopes.isEmpty() || scopes.peek().array ? parent
                                : parent.isEmpty() ? pending : parent + "." + pending;
                        scopes.push(new Scope(path, t == JsonToken.START_ARRAY, new HashMap<>()));
                    }
                    case END_OBJECT, END_ARRAY -> scopes.pop();
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        Scope scope = scopes.peek();
                        int line = p.currentTokenLocation().getLineNr();
                        Integer first = scope.names.putIfAbsent(pending, line);
                        if (first != null) {
                            String path = scope.path.isEmpty() ? pending : scope.path + "." + pending;
                            List<Integer> lines = seen.computeIfAbsent(path, k -> new ArrayList<>(List.of(first)));
                            lines.add(line);
                            order.remove(path);
                            order.add(path);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            return List.of(); // the strict parser has accepted this text; nothing to add if this one does not
        }
        return order.stream().map(path -> new Duplicate(path, seen.get(path))).toList();
    }

    private record Scope(String path, boolean array, Map<String, Integer> names) {
    }
}
