package dev.cctelemetry.app.roots;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Claude config roots a command reads: named ones ({@code --claude-dir}), else those of the environment
 * ({@code CLAUDE_CONFIG_DIR}, else {@code ~/.config/claude} and {@code ~/.claude}); and, for the hook worker and
 * the daemon, those plus every root a hook has recorded ({@link KnownRoots}).
 */
public final class ClaudeRoots {

    private final TelemetryEnvironment env;
    private final KnownRoots known;

    @Inject
    ClaudeRoots(TelemetryEnvironment env, KnownRoots known) {
        this.env = env;
        this.known = known;
    }

    /**
     * The roots to read.
     *
     * @param explicit {@code --claude-dir} values; a named folder without {@code projects/} is a usage error
     * @throws AppException (usage) when a named folder, or one of {@code CLAUDE_CONFIG_DIR}, has no projects/
     */
    public List<ClaudeRoot> resolve(List<Path> explicit) {
        ClaudeRootResolver.Resolution r = resolver().resolve(explicit);
        if (r.explicit() && !r.missing().isEmpty()) {
            String where = explicit.isEmpty() ? " (from CLAUDE_CONFIG_DIR)" : "";
            throw AppException.usage("no Claude Code transcripts in " + r.missing().get(0)
                    + where + ": expected a folder with a projects/ subfolder");
        }
        return r.roots();
    }

    /**
     * The roots a report refreshes from. Like {@link #resolve}, except that a folder of {@code CLAUDE_CONFIG_DIR}
     * without {@code projects/} is a note, not an error: the ledger outlives the transcripts (moved, deleted,
     * cleaned by Claude Code) and the report shows what it holds (issue 17.4). Finding none at all says where it
     * looked (17.5).
     *
     * @param explicit {@code --claude-dir} values; a named folder without {@code projects/} is still a usage error
     * @param notes told one line per thing worth saying
     */
    public List<ClaudeRoot> resolveForReport(List<Path> explicit, Consumer<String> notes) {
        if (!explicit.isEmpty()) {
            return resolve(explicit);
        }
        ClaudeRootResolver.Resolution r = resolver().resolve(explicit);
        if (r.explicit()) {
            for (Path missing : r.missing()) {
                notes.accept("no Claude Code transcripts in " + missing + " (from CLAUDE_CONFIG_DIR): it has no"
                        + " projects/ folder, so this shows what the ledger already holds");
            }
        } else if (r.roots().isEmpty()) {
            notes.accept(noneFound(r.missing()));
        }
        return r.roots();
    }

    /** Where a sync or report looked when it found no transcripts, and how to point it elsewhere. */
    public String noneFound() {
        return noneFound(resolver().resolve(List.of()).missing());
    }

    private static String noneFound(List<Path> looked) {
        List<String> where = new ArrayList<>();
        for (Path p : looked) {
            where.add(p.resolve("projects").toString());
        }
        return "no Claude Code transcripts found: looked in " + String.join(" and ", where)
                + "; set CLAUDE_CONFIG_DIR or use --claude-dir to read another folder";
    }

    /** The roots of {@code explicit} or the environment that exist now; missing ones are left out. */
    public List<ClaudeRoot> present(List<Path> explicit) {
        return resolver().resolve(explicit).roots();
    }

    /**
     * What the hook worker and the daemon scan: {@link #present} plus every recorded root that exists now, without
     * duplicates. Re-read at every call, so a root created later is picked up.
     */
    public List<ClaudeRoot> toScan(List<Path> explicit) {
        Set<ClaudeRoot> all = new LinkedHashSet<>(present(explicit));
        all.addAll(known.existing());
        return List.copyOf(all);
    }

    private ClaudeRootResolver resolver() {
        return new ClaudeRootResolver(env.env(), env.userHome());
    }
}
