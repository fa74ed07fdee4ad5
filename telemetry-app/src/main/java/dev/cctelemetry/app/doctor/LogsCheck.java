package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.sync.ByteSize;
import dev.cctelemetry.app.layout.InstallLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The logs folder is writable and each log family ({@code hook-sync.log}, {@code hook-sync.1.log} … share the
 * name before the first dot) stays within the rotation bound of {@value InstallLayout#LOG_FILES_KEPT} files of
 * 10 MB.
 */
public final class LogsCheck implements DoctorCheck {

    static final String NAME = "Logs";

    private final InstallLayout layout;

    /** A check of the logs folder under {@code layout}. */
    public LogsCheck(InstallLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() throws IOException {
        Path dir = layout.logsDir();
        if (!Files.isDirectory(dir)) {
            Path home = layout.home();
            if (Files.isDirectory(home) && !Files.isWritable(home)) {
                return CheckResult.fail(NAME, home + " is not writable, so no log can be created",
                        "chmod u+w " + home);
            }
            return CheckResult.ok(NAME, "no logs yet (" + dir + " is created on first use)");
        }
        if (!Files.isWritable(dir)) {
            return CheckResult.fail(NAME, dir + " is not writable: hooks and the daemon cannot log",
                    "chmod u+w " + dir);
        }
        Map<String, Long> families = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                families.merge(dot > 0 ? name.substring(0, dot) : name, Files.size(f), Long::sum);
            }
        }
        long bound = InstallLayout.LOG_FILE_BYTES * InstallLayout.LOG_FILES_KEPT;
        long total = families.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : families.entrySet()) {
            if (e.getValue() > bound) {
                return CheckResult.warn(NAME, e.getKey() + " logs take " + ByteSize.human(e.getValue())
                        + ", more than the " + ByteSize.human(bound) + " rotation bound",
                        "delete old " + e.getKey() + " files in " + dir);
            }
        }
        return CheckResult.ok(NAME, dir + ": " + families.size() + " log famil" + (families.size() == 1 ? "y" : "ies")
                + ", " + ByteSize.human(total));
    }
}
