package dev.cctelemetry.hooks.worker;

import dev.cctelemetry.core.transcript.ClaudeRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a payload's {@code transcript_path} may be read: it must be an absolute {@code .jsonl} path
 * without {@code ..} segments that lies, lexically and once every symlink is resolved, inside the
 * {@code projects/} folder of a known Claude root. A path outside is rejected before anything is read from it (a
 * lexical check comes first, so an outside path is not even stat-ed). A path inside that does not exist (Claude
 * Code has sent stale paths after resume and worktree switches) is reported as not found, so the caller can search
 * by session id instead.
 */
public final class TranscriptPathGuard {

    /** Longer than any real transcript path; longer input is not worth resolving. */
    private static final int MAX_PATH_CHARS = 4096;

    /**
     * Checks one raw {@code transcript_path}.
     *
     * @param raw the path as written in the payload, "" when absent
     * @param roots the known Claude roots
     */
    public Result check(String raw, List<ClaudeRoot> roots) {
        Objects.requireNonNull(raw, "raw is null");
        if (raw.isEmpty()) {
            return new Result.Absent();
        }
        if (raw.length() > MAX_PATH_CHARS) {
            return new Result.Rejected("transcript_path is too long");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            return new Result.Rejected("transcript_path contains control characters");
        }
        Path p;
        try {
            p = Path.of(raw);
        } catch (InvalidPathException e) {
            return new Result.Rejected("transcript_path is not a valid path");
        }
        if (!p.isAbsolute()) {
            return new Result.Rejected("transcript_path is not absolute");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                return new Result.Rejected("transcript_path contains '..'");
            }
        }
        if (!p.getFileName().toString().endsWith(".jsonl")) {
            return new Result.Rejected("transcript_path is not a .jsonl file");
        }
        List<Projects> known = projects(roots);
        if (known.stream().noneMatch(k -> k.containsLexically(p))) {
            return new Result.Rejected("transcript_path is outside the Claude projects directories");
        }
        if (!Files.exists(p)) {
            return new Result.NotFound();
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            return new Result.NotFound(); // vanished between the two calls
        }
        Optional<Projects> owner = known.stream().filter(k -> k.real().isPresent()
                && real.startsWith(k.real().get()) && !real.equals(k.real().get())).findFirst();
        if (owner.isEmpty()) {
            return new Result.Rejected("transcript_path resolves outside the Claude projects directories");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return new Result.Rejected("transcript_path is not a regular file");
        }
        return new Result.Accepted(owner.get().root(), real);
    }

    /** The {@code projects/} folder of every root, as configured and as resolved (when it exists). */
    static List<Projects> projects(List<ClaudeRoot> roots) {
        List<Projects> out = new ArrayList<>();
        for (ClaudeRoot r : roots) {
            Optional<Path> real;
            try {
                real = Optional.of(r.projects().toRealPath());
            } catch (IOException e) {
                real = Optional.empty();
            }
            out.add(new Projects(r, r.projects(), real));
        }
        return out;
    }

    /**
     * A root's projects folder.
     *
     * @param root the root
     * @param lexical {@code <root>/projects} as configured
     * @param real the same with symlinks resolved, empty when it does not exist
     */
    record Projects(ClaudeRoot root, Path lexical, Optional<Path> real) {

        boolean containsLexically(Path p) {
            Path n = p.normalize();
            return (n.startsWith(lexical) && !n.equals(lexical))
                    || real.map(r -> n.startsWith(r) && !n.equals(r)).orElse(false);
        }
    }

    /** The verdict on a transcript path. */
    public sealed interface Result {

        /** The payload had no transcript path: search by session id. */
        record Absent() implements Result {
        }

        /** The path lies inside a projects folder but no file is there: search by session id. */
        record NotFound() implements Result {
        }

        /**
         * The path may be read.
         *
         * @param root the root whose projects folder holds it
         * @param realPath the file with every symlink resolved
         */
        record Accepted(ClaudeRoot root, Path realPath) implements Result {
            public Accepted {
                Objects.requireNonNull(root, "root is null");
                Objects.requireNonNull(realPath, "realPath is null");
            }
        }

        /**
         * The path must not be read.
         *
         * @param reason fixed text saying why; never quotes the path
         */
        record Rejected(String reason) implements Result {
            public Rejected {
                Objects.requireNonNull(reason, "reason is null");
            }
        }
    }
}
