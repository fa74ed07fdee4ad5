package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.sync.ByteSize;
import dev.cctelemetry.core.sync.DistinctSessions;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptWalk;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Claude Code's transcript folders: which were found, and how many sessions and bytes they hold. */
public final class TranscriptsCheck implements DoctorCheck {

    static final String NAME = "Claude Code transcripts";

    private final List<ClaudeRoot> roots;

    /** A check of {@code roots} (as the sync would resolve them). */
    public TranscriptsCheck(List<ClaudeRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        if (roots.isEmpty()) {
            return CheckResult.warn(NAME, "no Claude Code folder with a projects/ subfolder found",
                    "use Claude Code once, or set CLAUDE_CONFIG_DIR to its config folder");
        }
        // Walked, not listed: a history of half a million files would not fit the heap as a list.
        TranscriptWalk walk = new TranscriptDiscovery().walk(roots, Set.of());
        DistinctSessions sessions = new DistinctSessions();
        long files = 0;
        long bytes = 0;
        while (walk.hasNext()) {
            TranscriptFile f = walk.next();
            sessions.add(f.pathSessionId());
            files++;
            bytes += f.size();
        }
        String dirs = roots.stream().map(ClaudeRoot::id).collect(Collectors.joining(", "));
        String summary = String.format(Locale.ROOT, "%s: %,d sessions, %,d files, %s", dirs, sessions.size(),
                files, ByteSize.human(bytes));
        if (walk.unreadable() > 0) {
            return CheckResult.warn(NAME, summary + String.format(Locale.ROOT, ", %d unreadable", walk.unreadable()),
                    "check the permissions under " + dirs);
        }
        return CheckResult.ok(NAME, summary);
    }
}
