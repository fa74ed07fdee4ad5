package dev.cctelemetry.core.transcript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which Claude config roots to read, the way Claude Code and ccusage do: every directory of
 * {@code CLAUDE_CONFIG_DIR} (comma-separated), else {@code $XDG_CONFIG_HOME/claude} (default
 * {@code ~/.config/claude}) and {@code ~/.claude}. A path that ends in {@code projects} means its parent.
 * Explicit directories (from {@code --claude-dir}) replace all of that.
 */
public final class ClaudeRootResolver {

    private final Map<String, String> env;
    private final Path home;

    /**
     * A resolver over an environment.
     *
     * @param env environment variables (only {@code CLAUDE_CONFIG_DIR} and {@code XDG_CONFIG_HOME} are read)
     * @param home the user's home directory
     */
    public ClaudeRootResolver(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /**
     * The roots to read.
     *
     * @param explicit directories given on the command line; when not empty they are the only roots
     * @return roots whose {@code projects/} folder exists, in order, without duplicates
     */
    public Resolution resolve(List<Path> explicit) {
        List<Path> candidates = new ArrayList<>();
        boolean fromUser;
        if (!explicit.isEmpty()) {
            candidates.addAll(explicit);
            fromUser = true;
        } else if (env.get("CLAUDE_CONFIG_DIR") != null && !env.get("CLAUDE_CONFIG_DIR").isBlank()) {
            for (String part : env.get("CLAUDE_CONFIG_DIR").split(",")) {
                if (!part.isBlank()) {
                    candidates.add(expand(part.trim()));
                }
            }
            fromUser = true;
        } else {
            String xdg = env.get("XDG_CONFIG_HOME");
            Path xdgBase = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
            candidates.add(xdgBase.resolve("claude"));
            candidates.add(home.resolve(".claude"));
            fromUser = false;
        }
        Set<Path> roots = new LinkedHashSet<>();
        List<Path> missing = new ArrayList<>();
        for (Path c : candidates) {
            Path dir = c.toAbsolutePath().normalize();
            if (dir.getFileName() != null && dir.getFileName().toString().equals("projects")
                    && dir.getParent() != null) {
                dir = dir.getParent();
            }
            if (Files.isDirectory(dir.resolve("projects"))) {
                roots.add(dir);
            } else {
                missing.add(dir);
            }
        }
        // A loop, not a stream: linking a lambda's call site is a noticeable part of a quick sync's start.
        List<ClaudeRoot> found = new ArrayList<>(roots.size());
        for (Path r : roots) {
            found.add(new ClaudeRoot(r));
        }
        return new Resolution(found, List.copyOf(missing), fromUser);
    }

    private Path expand(String p) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2));
        }
        return Path.of(p);
    }

    /**
     * The outcome of resolving roots.
     *
     * @param roots roots that have a {@code projects/} folder
     * @param missing candidates without one
     * @param explicit whether the candidates were named by the user (so a missing one is an error worth
     *     reporting) rather than defaults
     */
    public record Resolution(List<ClaudeRoot> roots, List<Path> missing, boolean explicit) {
        public Resolution {
            roots = List.copyOf(roots);
            missing = List.copyOf(missing);
        }
    }
}
