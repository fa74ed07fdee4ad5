package dev.cctelemetry.app.hooks;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-data archive next to the installed jar ({@code <jar>.jsa}) that the hook scripts hand to the worker
 * JVM and the status line script to theirs. Made once, at setup, by a short training run of that very jar (the
 * jar's {@code ArchiveTraining}: syncs, the everyday commands and a status line in a throwaway folder); with an
 * archive a hook worker reaches the end of an empty sync in 0.23 s instead of 0.53 s (measured), and costs the
 * user's machine that much less CPU per turn. Optional: when it cannot be made, the scripts run the worker without
 * it, and a stale one (another JDK) is ignored by the JVM.
 */
public final class WorkerClassArchive {

    /**
     * JVM options of cc-telemetry's background processes: hook workers (the scripts pass the same; the archive is
     * made with them) and the daemon service. The quick JIT tier, the serial GC and a 128 MiB heap keep them quick
     * to start and small in memory.
     */
    public static final List<String> BACKGROUND_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx128m");
    private static final long TRAINING_SECONDS = 60;
    /**
     * The jar's training run (the launcher's archive is made by it too): a sync, the everyday commands and a status
     * line in a throwaway folder. Trained on an empty sync alone, the archive lacked the status line's classes and
     * lambdas, which every status line run (once per turn) then loaded and spun from the jar: about 40 ms of CPU per
     * run (perf stat, 20 interleaved runs, BENCHMARKS.md). Named, not linked: the class is in the command-line module.
     */
    private static final String TRAINING_MAIN = "dev.cctelemetry.cli.ArchiveTraining";

    /** What {@link #ensure} did. */
    public enum Outcome {
        /** A usable archive was already there. */
        PRESENT,
        /** The archive was made and checked. */
        MADE,
        /** It could not be made (see the log); the hooks run without it. */
        NOT_MADE
    }

    /** Where the archive of {@code jar} lives. */
    public static Path of(Path jar) {
        return jar.resolveSibling(jar.getFileName() + ".jsa");
    }

    /** Makes the archive of {@code jar} for {@code java} unless an archive newer than the jar is there. */
    public Outcome ensure(Path jar, Path java) throws InterruptedException {
        Path archive = of(jar);
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return Outcome.PRESENT;
            }
            return make(jar, java, archive) ? Outcome.MADE : Outcome.NOT_MADE;
        } catch (IOException e) {
            return Outcome.NOT_MADE;
        }
    }

    private boolean make(Path jar, Path java, Path archive) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(jar.getParent(), ".archive-");
        try {
            Path trained = work.resolve("worker.jsa");
            Path training = Files.createDirectories(work.resolve("training"));
            List<String> train = new ArrayList<>(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + trained,
                    "-Xshare:auto"));
            train.addAll(BACKGROUND_JVM_OPTIONS);
            train.addAll(List.of("-cp", jar.toString(), TRAINING_MAIN, training.toString()));
            if (!run(train, Map.of("CC_TELEMETRY_HOME", work.resolve("home").toString()))
                    || !Files.isRegularFile(trained) || Files.size(trained) == 0) {
                return false;
            }
            // -Xshare:on refuses to start with an archive it cannot use: the proof it works with this JVM and jar.
            List<String> check = new ArrayList<>(List.of(java.toString(), "-XX:SharedArchiveFile=" + trained,
                    "-Xshare:on"));
            check.addAll(BACKGROUND_JVM_OPTIONS);
            check.addAll(List.of("-jar", jar.toString(), "--version"));
            if (!run(check, Map.of())) {
                return false;
            }
            try {
                Files.move(trained, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(trained, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } finally {
            deleteTree(work);
        }
    }

    private static boolean run(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close(); // no input: a prompt, were there one, ends at once
        if (!p.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return false;
        }
        return p.exitValue() == 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
