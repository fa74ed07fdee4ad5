package dev.cctelemetry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files and folders a process creates under a folder, and the mode each creating system call asked for.
 *
 * <p>Why strace: a file created with the default mode and narrowed a moment later ({@code open(..., 0666)} then
 * {@code chmod 0600}) ends up looking right to any check made afterwards, and a watcher thread that polls the
 * folder only catches the gap now and then, so neither can fail reliably on the bug. The creating call's own
 * mode argument can: it is what the kernel applied (less the umask), so a mode without group or other bits is
 * owner-only whatever the umask, from the first moment. The process runs under {@code strace -f} (every thread
 * and child), and the trace is replayed: an {@code open} with {@code O_CREAT} or a {@code mkdir} of a path that
 * does not exist at that point (it was not there when the run began, or was renamed away or deleted since) is a
 * creation; an {@code O_CREAT} open of an existing file is not (SQLite asks for 0644 on every open of the ledger).
 *
 * <p>Needs {@code strace} and permission to trace (a container may forbid ptrace): {@link #available()} says.
 * {@code .ci/install-tools.sh} installs it; use with {@link RequiredInCi}.
 */
public final class FileCreationTrace {

    /** A file or folder the traced process created. */
    public record Creation(Path path, int mode, String call) {
        /** Whether group or other users got any permission from the creating call. */
        public boolean openToOthers() {
            return (mode & 0077) != 0;
        }

        @Override
        public String toString() {
            return call + " " + path + " mode " + Integer.toOctalString(mode);
        }
    }

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\s+(.*)$");
    private static final Pattern CALL = Pattern.compile("^(\\w+)\\((.*)\\)\\s+=\\s+(-?\\d+).*$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MODE = Pattern.compile(",\\s*(0[0-7]+)\\s*$");

    private FileCreationTrace() {
    }

    /** Skips the calling test when strace cannot run here, or fails it in CI ({@link RequiredInCi}). */
    public static void assumeAvailable() {
        RequiredInCi.assumeAvailable(available(), "strace is not installed or may not trace here");
    }

    /** Whether strace is installed and may trace a child here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code command} under strace with the given umask and returns what it created under {@code root}.
     *
     * @param env variables added to this process's environment
     * @throws AssertionError when the command does not exit 0 (its output is in the message)
     */
    public static List<Creation> run(Path root, String umask, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        // The test's temp folders are real paths, as the traced process sees them.
        Path realRoot = root.toAbsolutePath().normalize();
        Set<String> existing = new HashSet<>();
        try (Stream<Path> all = Files.walk(realRoot)) {
            all.forEach(p -> existing.add(p.toString()));
        }
        Path log = Files.createTempFile("strace", ".log");
        Path output = Files.createTempFile("strace", ".out");
        try {
            List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh",
                    "strace", "-f", "-qq", "-z", "-s", "4096", "-o", log.toString(),
                    "-e", "trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,rmdir"));
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("traced command did not finish: " + command);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("traced command exited " + p.exitValue() + ": "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return replay(Files.readAllLines(log, StandardCharsets.UTF_8), realRoot.toString(), existing);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(output);
        }
    }

    /** The command that runs {@code main} in a fresh JVM on this test's class path. */
    public static List<String> javaMain(Class<?> main, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static List<Creation> replay(List<String> lines, String root, Set<String> existing) {
        List<Creation> created = new ArrayList<>();
        Map<String, String> unfinished = new HashMap<>();
        for (String raw : lines) {
            Matcher l = LINE.matcher(raw);
            if (!l.matches()) {
                continue;
            }
            String pid = l.group(1);
            String rest = l.group(2);
            if (rest.endsWith("<unfinished ...>")) {
                unfinished.put(pid, rest.substring(0, rest.length() - "<unfinished ...>".length()));
                continue;
            }
            if (rest.startsWith("<... ")) {
                int end = rest.indexOf(" resumed>");
                String start = unfinished.remove(pid);
                if (end < 0 || start == null) {
                    continue;
                }
                rest = start + rest.substring(end + " resumed>".length());
            }
            Matcher c = CALL.matcher(rest);
            if (c.matches() && Long.parseLong(c.group(3)) >= 0) {
                apply(c.group(1), c.group(2), root, existing, created);
            }
        }
        return created;
    }

    private static void apply(String call, String args, String root, Set<String> existing, List<Creation> created) {
        List<String> paths = new ArrayList<>();
        Matcher q = QUOTED.matcher(args);
        while (q.find()) {
            paths.add(q.group(1));
        }
        if (paths.isEmpty()) {
            return;
        }
        switch (call) {
            case "open", "openat", "creat" -> {
                if ((call.equals("creat") || args.contains("O_CREAT")) && !existing.contains(paths.get(0))) {
                    existing.add(paths.get(0));
                    note(call, paths.get(0), args, root, created);
                }
            }
            case "mkdir", "mkdirat" -> {
                existing.add(paths.get(0));
                note(call, paths.get(0), args, root, created);
            }
            case "rename", "renameat", "renameat2" -> {
                if (paths.size() == 2) {
                    existing.remove(paths.get(0));
                    existing.add(paths.get(1));
                }
            }
            case "unlink", "unlinkat", "rmdir" -> existing.remove(paths.get(0));
            default -> {
            }
        }
    }

    private static void note(String call, String path, String args, String root, List<Creation> created) {
        if (!path.startsWith(root + "/")) {
            return;
        }
        Matcher m = MODE.matcher(args);
        int mode = m.find() ? Integer.parseInt(m.group(1), 8) : 0777;
        created.add(new Creation(Path.of(path), mode, call));
    }
}
