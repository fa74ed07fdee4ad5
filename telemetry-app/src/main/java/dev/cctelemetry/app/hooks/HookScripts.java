package dev.cctelemetry.app.hooks;

import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.io.PrivateFiles;
import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.hooks.settings.HookRegistration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The installed hook scripts in {@code <home>/hooks/} (a 0700 folder; scripts 0755), one per
 * {@link HookEvent}, and the registration that makes Claude Code run them.
 */
public final class HookScripts {

    private final HookScriptRenderer renderer;
    private final Path hooksDir;

    /**
     * @param renderer this platform's renderer
     * @param telemetryHome cc-telemetry's home; the scripts go to its {@code hooks/}
     */
    public HookScripts(HookScriptRenderer renderer, Path telemetryHome) {
        this.renderer = Objects.requireNonNull(renderer, "renderer is null");
        this.hooksDir = telemetryHome.toAbsolutePath().resolve("hooks");
    }

    /** Where the script for {@code event} is installed. */
    public Path script(HookEvent event) {
        return hooksDir.resolve(renderer.fileName(event));
    }

    /** The Stop and SessionEnd commands to put into Claude Code's settings. */
    public HookRegistration registration() {
        return new HookRegistration(renderer.registeredCommand(script(HookEvent.STOP)),
                renderer.registeredCommand(script(HookEvent.SESSION_END)));
    }

    /** The scripts whose content differs from (or is missing next to) what {@code spec} renders. */
    public List<Path> outdated(HookScriptSpec spec) throws IOException {
        List<Path> out = new ArrayList<>();
        for (HookEvent e : HookEvent.values()) {
            if (!current(script(e), renderer.render(e, spec))) {
                out.add(script(e));
            }
        }
        return out;
    }

    /** Writes the scripts that are outdated, each atomically; returns those written. */
    public List<Path> write(HookScriptSpec spec) throws IOException {
        PrivateFiles.createDirectories(hooksDir);
        setPermissions(hooksDir, "rwx------");
        List<Path> written = new ArrayList<>();
        for (HookEvent e : HookEvent.values()) {
            Path target = script(e);
            String text = renderer.render(e, spec);
            // Owner-only like everything else of ours (issue 17.1): Claude Code runs them as the same user.
            if (current(target, text)) {
                setPermissions(target, "rwx------");
                continue;
            }
            AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8), Optional.of(PrivateFiles.FOLDER_MODE));
            written.add(target);
        }
        return written;
    }

    /** The installed scripts (of every event); what {@link #remove} would delete. */
    public List<Path> installed() {
        return Arrays.stream(HookEvent.values()).map(this::script).filter(Files::exists).toList();
    }

    /** Deletes the installed scripts; returns those deleted. The folder stays if anything else is in it. */
    public List<Path> remove() throws IOException {
        List<Path> gone = new ArrayList<>();
        for (Path p : installed()) {
            if (Files.deleteIfExists(p)) {
                gone.add(p);
            }
        }
        try (var s = Files.list(hooksDir)) {
            if (s.findAny().isEmpty()) {
                Files.delete(hooksDir);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
        return gone;
    }

    private static boolean current(Path file, String text) throws IOException {
        try {
            return Arrays.equals(Files.readAllBytes(file), text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void setPermissions(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // Windows: files in the user profile are private to the user already.
        }
    }
}
