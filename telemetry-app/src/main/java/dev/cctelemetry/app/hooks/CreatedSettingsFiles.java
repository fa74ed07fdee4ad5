package dev.cctelemetry.app.hooks;

import dev.cctelemetry.core.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Claude Code settings files cc-telemetry created (none existed when it registered its hooks), one absolute
 * path a line in {@code state/created-settings.txt}: {@code uninstall --purge} deletes such a file once it holds
 * nothing else, and leaves every file the user had.
 */
public final class CreatedSettingsFiles {

    private final Path file;

    /** The list at {@code file}. */
    public CreatedSettingsFiles(Path file) {
        this.file = file;
    }

    /** The files recorded, in the order they were created; none when nothing was recorded. */
    public List<Path> list() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(Path::of).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Records that {@code settings} was created by us (once). */
    public void add(Path settings) throws IOException {
        List<Path> all = new ArrayList<>(list());
        Path absolute = settings.toAbsolutePath();
        if (!all.contains(absolute)) {
            all.add(absolute);
            StringBuilder text = new StringBuilder();
            all.forEach(p -> text.append(p).append('\n'));
            AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
