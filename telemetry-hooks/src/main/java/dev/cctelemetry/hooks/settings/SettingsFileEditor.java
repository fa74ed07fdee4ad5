package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, removes and inspects cc-telemetry's hooks in one Claude Code settings file, never damaging it.
 *
 * <ul>
 *   <li>The file is parsed as strictly as Claude Code parses it: comments, trailing commas or anything else
 *       {@code JSON.parse} rejects are refused. A UTF-8 BOM is accepted and kept; CRLF line ends are kept.
 *   <li>An empty or whitespace-only file counts as {@code {}}. A missing file (and its directory) is created on
 *       install; remove leaves it missing.
 *   <li>If nothing changes, nothing is written: no backup, same bytes, same modification time.
 *   <li>Before a change to an existing file, its original bytes are copied once to
 *       {@code <name>.cc-telemetry-backup-<UTC yyyyMMdd'T'HHmmss'Z'>} beside the given path, a file readable by
 *       its owner only from the moment it is created.
 *   <li>The new content replaces the file atomically and keeps its POSIX permissions. For a symlink, the link's
 *       target is edited and the link is kept.
 *   <li>New content is formatted like {@code JSON.stringify(settings, null, 2)} plus a newline, as Claude Code
 *       writes it.
 * </ul>
 *
 * Every refusal is a {@link ClaudeSettingsException} with a one-line message, and the file is then unchanged.
 */
public final class SettingsFileEditor {

    private static final Logger log = LoggerFactory.getLogger(SettingsFileEditor.class);
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Clock clock;
    private final HookSettingsMerger merger = new HookSettingsMerger();
    private final StatusLineSettings statusLines = new StatusLineSettings();
    private final McpServerSettings mcpServers = new McpServerSettings();
    private final StrictSettingsParser parser = new StrictSettingsParser();
    private final JsonStringifyWriter writer = new JsonStringifyWriter();
    private final LineDiff lineDiff = new LineDiff();
    private final GuardedReplace fileWriter = new GuardedReplace();

    /** @param clock names backups; inject a fixed clock in tests */
    public SettingsFileEditor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * Registers (or updates in place) our Stop and SessionEnd handlers in {@code settings}.
     *
     * @throws ClaudeSettingsException if the file is refused, unreadable, read-only or cannot be written
     */
    public SettingsEditResult install(Path settings, HookRegistration registration, EditMode mode) {
        Objects.requireNonNull(registration, "registration is null");
        return edit(settings, mode, root -> merger.install(root, registration), true);
    }

    /**
     * Removes every handler of ours from {@code settings}, leaving everything else as it was.
     *
     * @throws ClaudeSettingsException if the file is refused, unreadable, read-only or cannot be written
     */
    public SettingsEditResult remove(Path settings, EditMode mode) {
        return edit(settings, mode, merger::remove, false);
    }

    /**
     * Sets our statusLine in {@code settings} (same rules as the hooks: strict parse, backup, atomic, BOM kept),
     * replacing whatever statusLine is there: read it first with {@link #statusLine} and keep it.
     *
     * @throws ClaudeSettingsException if the file is refused, unreadable, read-only or cannot be written
     */
    public SettingsEditResult installStatusLine(Path settings, String command, EditMode mode) {
        Objects.requireNonNull(command, "command is null");
        return edit(settings, mode, root -> statusLines.install(root, command), false);
    }

    /**
     * Puts {@code previous} back in place of our statusLine (or removes ours when there was none before); a
     * statusLine that is not ours is left as it is.
     *
     * @throws ClaudeSettingsException if the file is refused, unreadable, read-only or cannot be written
     */
    public SettingsEditResult restoreStatusLine(Path settings, Optional<JsonNode> previous, EditMode mode) {
        Objects.requireNonNull(previous, "previous is null");
        return edit(settings, mode, root -> statusLines.restore(root, previous), false);
    }

    /**
     * Registers (or updates in place) our MCP server in Claude Code's user state file {@code claudeJson} (same
     * rules as the hooks: strict parse, backup, atomic, BOM kept), as {@code claude mcp add --scope user} would.
     *
     * @throws ClaudeSettingsException if the file is refused, a server of our name is not ours, or it cannot be
     *     written
     */
    public SettingsEditResult installMcpServer(Path claudeJson, String command, List<String> args,
            Map<String, String> env, EditMode mode) {
        Objects.requireNonNull(command, "command is null");
        List<String> arguments = List.copyOf(args);
        Map<String, String> variables = Map.copyOf(env);
        return edit(claudeJson, mode, root -> mcpServers.install(root, command, arguments, variables), false);
    }

    /**
     * Removes our MCP server from {@code claudeJson}; other servers, and one of our name that is not ours, stay.
     *
     * @throws ClaudeSettingsException if the file is refused, unreadable, read-only or cannot be written
     */
    public SettingsEditResult removeMcpServer(Path claudeJson, EditMode mode) {
        return edit(claudeJson, mode, mcpServers::remove, false);
    }

    /**
     * The {@code statusLine} member of {@code settings} as it stands; empty when the file or the member is missing.
     *
     * @throws ClaudeSettingsException if the file is unreadable or not valid settings JSON
     */
    public Optional<JsonNode> statusLine(Path settings) {
        Objects.requireNonNull(settings, "settings is null");
        Optional<byte[]> bytes = read(resolveTarget(settings));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return statusLines.current(parse(settings, bytes.get()).root());
    }

    /**
     * Our MCP server's entry in Claude Code's user state file {@code claudeJson}; empty when the file, the entry or
     * an entry that is ours is missing.
     *
     * @throws ClaudeSettingsException if the file is unreadable or not valid JSON
     */
    public Optional<JsonNode> mcpServer(Path claudeJson) {
        Objects.requireNonNull(claudeJson, "claudeJson is null");
        Optional<byte[]> bytes = read(resolveTarget(claudeJson));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return mcpServers.current(parse(claudeJson, bytes.get()).root());
    }

    /** What {@code doctor} reports about {@code settings}; problems are described, never thrown. */
    public HookInspection inspect(Path settings) {
        Path target;
        byte[] bytes;
        try {
            target = resolveTarget(settings);
            Optional<byte[]> read = read(target);
            if (read.isEmpty()) {
                return new HookInspection(settings, false, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                        Optional.empty(), OptionalInt.empty(), false, false);
            }
            bytes = read.get();
        } catch (ClaudeSettingsException e) {
            return failed(settings, e.getMessage(), OptionalInt.empty());
        }
        try {
            ObjectNode root = parser.parse(bytes).root();
            return new HookInspection(settings, true, Optional.empty(), OptionalInt.empty(),
                    merger.registeredCommand(root, HookSettingsMerger.STOP),
                    merger.registeredCommand(root, HookSettingsMerger.SESSION_END),
                    merger.sessionEndTimeout(root),
                    HookBlockers.isSet(root, HookBlockers.DISABLE_ALL_HOOKS),
                    HookBlockers.isSet(root, HookBlockers.ALLOW_MANAGED_HOOKS_ONLY));
        } catch (MalformedSettingsException e) {
            return failed(settings, e.getMessage(), e.line());
        }
    }

    private static HookInspection failed(Path settings, String problem, OptionalInt line) {
        return new HookInspection(settings, true, Optional.of(problem), line, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), false, false);
    }

    private SettingsEditResult edit(Path settings, EditMode mode, UnaryOperator<ObjectNode> change,
                                    boolean warnAboutBlockers) {
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(mode, "mode is null");
        Path target = resolveTarget(settings);
        Optional<byte[]> original = read(target);
        SettingsDocument document = parse(settings, original.orElse(new byte[0]));
        ObjectNode updated = change.apply(document.root());
        boolean changed = !updated.equals(document.root());
        List<String> warnings = new ArrayList<>(
                warnAboutBlockers ? HookBlockers.warnings(updated, settings) : List.of());
        for (DuplicateKeys.Duplicate d : DuplicateKeys.find(document.text())) {
            warnings.add(duplicateWarning(settings, d, changed));
        }
        if (!changed) {
            log.debug("{} already up to date", settings);
            return new SettingsEditResult(false, settings, Optional.empty(), "", warnings);
        }
        String text = writer.write(updated, document.lineSeparator());
        String diff = lineDiff.diff(settings.toString(), document.text(), text);
        boolean readOnly = original.isPresent() && isReadOnly(settings, target);
        if (mode == EditMode.DRY_RUN) {
            if (readOnly) {
                warnings.add(settings + " is read-only: a real run would refuse to change it");
            }
            return new SettingsEditResult(true, settings, Optional.empty(), diff, warnings);
        }
        if (readOnly) {
            throw new ClaudeSettingsException(settings + " is read-only; make it writable (or add the hooks by hand),"
                    + " then run again. It was not changed");
        }
        Optional<Path> backup = original.isPresent() ? Optional.of(backup(settings, target, original.get()))
                : Optional.empty();
        write(settings, target, encode(text, document.bom()), original);
        log.info("updated {}{}", settings, backup.map(b -> " (backup " + b + ")").orElse(""));
        return new SettingsEditResult(true, settings, backup, diff, warnings);
    }

    private static String duplicateWarning(Path settings, DuplicateKeys.Duplicate d, boolean changed) {
        List<Integer> lines = d.lines();
        int last = lines.get(lines.size() - 1);
        return "\"" + d.path() + "\" appears " + lines.size() + " times in " + settings + " (lines "
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "): Claude Code reads only"
                + " the last one (line " + last + ")" + (changed ? ", which is the one cc-telemetry edits; the"
                + " file written keeps only that one" : "");
    }

    /** The file to read and replace: a symlink's target, so the link itself survives the rename. */
    private static Path resolveTarget(Path settings) {
        try {
            if (Files.isSymbolicLink(settings)) {
                if (!Files.exists(settings)) {
                    throw new ClaudeSettingsException(settings + " is a symlink to a missing file ("
                            + Files.readSymbolicLink(settings) + "); create the target or remove the link first");
                }
                return settings.toRealPath();
            }
            if (Files.exists(settings) && !Files.isRegularFile(settings)) {
                throw new ClaudeSettingsException(settings + " exists but is not a regular file");
            }
            return settings;
        } catch (IOException e) {
            throw new ClaudeSettingsException("Cannot resolve " + settings + ": " + describe(e), e);
        }
    }

    private static Optional<byte[]> read(Path target) {
        try {
            return Optional.of(Files.readAllBytes(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ClaudeSettingsException("Cannot read " + target + ": " + describe(e), e);
        }
    }

    private SettingsDocument parse(Path settings, byte[] bytes) {
        try {
            return parser.parse(bytes);
        } catch (MalformedSettingsException e) {
            throw new ClaudeSettingsException("Refusing to edit " + settings + ": " + e.getMessage()
                    + ". Claude Code rejects this file too; fix it, then run again. It was not changed", e);
        }
    }

    private static boolean isReadOnly(Path settings, Path target) {
        try {
            return GuardedReplace.isReadOnly(target);
        } catch (IOException e) {
            throw new ClaudeSettingsException("Cannot check permissions of " + settings + ": " + describe(e), e);
        }
    }

    /** Copies the original bytes beside the given path; a second change in the same second gets a suffix. */
    private Path backup(Path settings, Path target, byte[] original) {
        String base = settings.getFileName() + ".cc-telemetry-backup-" + BACKUP_STAMP.format(clock.instant());
        Path dir = settings.toAbsolutePath().getParent();
        try {
            Optional<Set<PosixFilePermission>> permissions = GuardedReplace.posixPermissions(target);
            for (int attempt = 1; ; attempt++) {
                Path backup = dir.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    // Owner-only from the create call on: the backup holds what the original holds (an env
                    // block with an API key, say), and a file made with the defaults is open to other local
                    // users until a later chmod.
                    PrivateFiles.createFile(backup);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                Files.write(backup, original, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                if (permissions.isPresent()) {
                    // Never wider than owner-only, and no wider than the original (a read-only one stays so).
                    Set<PosixFilePermission> kept = EnumSet.copyOf(PrivateFiles.FILE_MODE);
                    kept.retainAll(permissions.get());
                    Files.setPosixFilePermissions(backup, kept);
                }
                return backup;
            }
        } catch (IOException e) {
            throw new ClaudeSettingsException("Cannot back up " + settings + " in " + dir + ": " + describe(e)
                    + ". It was not changed", e);
        }
    }

    private void write(Path settings, Path target, byte[] bytes, Optional<byte[]> original) {
        try {
            fileWriter.replace(target, bytes, original);
        } catch (IOException e) {
            throw new ClaudeSettingsException("Cannot write " + settings + ": " + describe(e) + ". It was not changed", e);
        }
    }

    private static byte[] encode(String text, boolean bom) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private static String describe(IOException e) {
        String reason = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? reason : reason + " (" + e.getMessage() + ")";
    }
}
