package dev.cctelemetry.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cctelemetry.core.json.JsonTreeReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code config.json} as found on disk, read without creating or changing anything (for {@code doctor} and
 * {@code status}).
 *
 * @param file the config file
 * @param exists whether it exists
 * @param problem why it cannot be used (unreadable, not JSON, not an object), empty when fine
 * @param root its content ({@code {}} when absent or broken)
 * @param permissions POSIX permissions, empty where the file system has none
 */
public record ConfigSnapshot(Path file, boolean exists, Optional<String> problem, ObjectNode root,
        Optional<Set<PosixFilePermission>> permissions) {

    /** Set by {@code setup} when the hooks were declined, so doctor does not count their absence as a problem. */
    public static final String HOOKS_DECLINED = "hooks_declined";

    /** Set by {@code setup} when no store was chosen, so doctor does not warn about the missing store. */
    public static final String LOCAL_ONLY = "local_only";

    public ConfigSnapshot {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(problem, "problem is null");
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(permissions, "permissions is null");
        permissions = permissions.map(Set::copyOf);
    }

    /** Reads {@code file}; never throws. */
    public static ConfigSnapshot read(Path file) {
        JsonNodeFactory m = JsonNodeFactory.instance;
        Optional<Set<PosixFilePermission>> perms = Optional.empty();
        try {
            perms = Optional.of(Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException | IOException e) {
            // absent, or no POSIX permissions (Windows)
        }
        try {
            JsonNode n = JsonTreeReader.read(Files.readAllBytes(file));
            if (n == null || n.isMissingNode()) {
                return new ConfigSnapshot(file, true, Optional.empty(), m.objectNode(), perms);
            }
            if (!(n instanceof ObjectNode o)) {
                return new ConfigSnapshot(file, true, Optional.of("does not hold a JSON object"),
                        m.objectNode(), perms);
            }
            return new ConfigSnapshot(file, true, Optional.empty(), o, perms);
        } catch (NoSuchFileException e) {
            return new ConfigSnapshot(file, false, Optional.empty(), m.objectNode(), perms);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            int nl = msg.indexOf('\n');
            return new ConfigSnapshot(file, true, Optional.of("is not valid JSON: " + (nl > 0 ? msg.substring(0, nl)
                    : msg)), m.objectNode(), perms);
        }
    }

    /** A top-level text value, "" when absent. */
    public String text(String key) {
        JsonNode v = root.get(key);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    /** The store section, when one is configured. */
    public Optional<StoreConfig> store() {
        return StoreConfig.of(root);
    }

    /** Whether the user answered no to the hooks in {@code setup} ({@value #HOOKS_DECLINED}). */
    public boolean hooksDeclined() {
        return root.path(HOOKS_DECLINED).asBoolean(false);
    }

    /** Whether the user chose the local ledger only in {@code setup} ({@value #LOCAL_ONLY}). */
    public boolean localOnly() {
        return root.path(LOCAL_ONLY).asBoolean(false);
    }

    /** Whether group or others may read or write the file. */
    public boolean openToOthers() {
        return permissions.map(p -> p.contains(PosixFilePermission.GROUP_READ)
                || p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_WRITE)
                || p.contains(PosixFilePermission.OTHERS_WRITE)).orElse(false);
    }
}
