package dev.cctelemetry.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --claude-dir DIR}, repeatable: the Claude config folders to read, for every command that syncs. */
public final class ClaudeDirsOption {
    @Option(names = SyncOptions.CLAUDE_DIR, paramLabel = "DIR",
            description = "Claude config folder holding projects/ (repeatable). Default: CLAUDE_CONFIG_DIR,"
                    + " else ~/.config/claude and ~/.claude.")
    List<Path> dirs = new ArrayList<>();
}
