package dev.cctelemetry.app.statusline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How the user's kept statusLine command is started: in the shell Claude Code itself runs a shell-form command in,
 * so that a command written for Claude Code works the same when ours runs it.
 *
 * <ul>
 *   <li>macOS and Linux: {@code /bin/sh -c <command>}.</li>
 *   <li>Windows: Git Bash, found the way Claude Code finds it ({@code CLAUDE_CODE_GIT_BASH_PATH}, else
 *       {@code bin\bash.exe} of the Git whose {@code git.exe} is first on {@code PATH}), reading the command from
 *       the kept file; without Git Bash, Windows PowerShell (Claude Code's fallback). Never {@code cmd.exe}: Claude
 *       Code stopped running hook commands through it in 2.1.47, so a command of today's is written for bash. That
 *       a statusLine command runs in the same shell as a hook's is assumed, not checked on Windows.</li>
 * </ul>
 *
 * <p>On Windows the command never goes on a command line: Java does not escape a double quote inside an argument
 * there, so a command holding one would reach the shell changed. Git Bash runs the kept file as a script (the same
 * text), PowerShell reads it from the file named in its environment.
 *
 * @param windows whether this is Windows
 * @param bash the Git Bash found on Windows, if any
 */
public record ChainShell(boolean windows, Optional<Path> bash) {

    /** The environment variable the PowerShell fallback reads the kept file's path from. */
    static final String CHAIN_FILE_VARIABLE = "CC_TELEMETRY_STATUSLINE_CHAIN";

    /** The shell of this OS, Git Bash looked up in {@code env} on Windows. */
    public static ChainShell forThisOs(Map<String, String> env) {
        return of(File.separatorChar == '\\', env, Files::isRegularFile);
    }

    /**
     * The shell for {@code windows}, with Git Bash looked up in {@code env} (Windows only).
     *
     * @param isFile whether a path is an existing file (tests pass their own)
     */
    static ChainShell of(boolean windows, Map<String, String> env, Predicate<Path> isFile) {
        return new ChainShell(windows, windows ? gitBash(env, isFile) : Optional.empty());
    }

    /**
     * The program and arguments that run the command kept in {@code chainFile}, whose text is {@code command}, and the
     * environment variables to add.
     */
    public Invocation invocation(String command, Path chainFile) {
        if (!windows) {
            return new Invocation(List.of("/bin/sh", "-c", command), Map.of());
        }
        String file = chainFile.toAbsolutePath().toString();
        if (bash.isPresent()) {
            return new Invocation(List.of(bash.get().toString(), file), Map.of());
        }
        return new Invocation(List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-Command", "Invoke-Expression ([IO.File]::ReadAllText($env:" + CHAIN_FILE_VARIABLE + "))"),
                Map.of(CHAIN_FILE_VARIABLE, file));
    }

    /**
     * A process to start.
     *
     * @param command the program and its arguments
     * @param environment variables added to the inherited environment
     */
    public record Invocation(List<String> command, Map<String, String> environment) {
        /** Copies the lists. */
        public Invocation {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    private static Optional<Path> gitBash(Map<String, String> env, Predicate<Path> isFile) {
        Optional<Path> named = path(variable(env, "CLAUDE_CODE_GIT_BASH_PATH"));
        if (named.isPresent()) {
            return named.filter(isFile);
        }
        for (String dir : variable(env, "PATH").split(";")) {
            Optional<Path> gitDir = path(dir.strip()).filter(d -> isFile.test(d.resolve("git.exe")));
            if (gitDir.isPresent()) {
                // Claude Code's rule: git.exe's ..\..\bin\bash.exe (Git\cmd\git.exe gives Git\bin\bash.exe); and
                // bash.exe beside it, for a PATH that names Git\bin itself.
                Path here = gitDir.get();
                return Stream.of(Optional.ofNullable(here.getParent()).map(root -> root.resolve("bin")),
                                Optional.of(here))
                        .flatMap(Optional::stream).map(d -> d.resolve("bash.exe")).filter(isFile).findFirst();
            }
        }
        return Optional.empty();
    }

    /** A variable by its name in any case: Windows names are not case-sensitive ({@code Path}, {@code PATH}). */
    private static String variable(Map<String, String> env, String name) {
        String exact = env.get(name);
        if (exact != null) {
            return exact;
        }
        return env.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }

    private static Optional<Path> path(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
