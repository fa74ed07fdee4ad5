package dev.cctelemetry.app.roots;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.ClaudeRootResolver;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
