package dev.cctelemetry.cli;

/**
 * The names of {@code sync}'s command line, one definition for the two parsers that read it: picocli's (the
 * usual path) and {@link QuickSync}'s, which answers a sync with nothing new before picocli starts. An option the
 * quick parser does not know sends the command down the usual path, so a new option needs no second parser.
 */
final class SyncOptions {

    /** The command. */
    static final String COMMAND = "sync";
    /** {@code --claude-dir DIR} (repeatable; also {@code --claude-dir=DIR}). */
    static final String CLAUDE_DIR = "--claude-dir";
    /** {@code --json}. */
    static final String JSON = "--json";
    /** {@code --force}: the quick path never answers it (it reads everything again). */
    static final String FORCE = "--force";

    private SyncOptions() {
    }
}
