package dev.cctelemetry.cli.setup;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the wizard's questions on a terminal or piped input. A wrong answer is explained and asked again; the end
 * of input stops the wizard. Secrets are read without echo when a console exists.
 */
public final class Prompter {

    private final BufferedReader in;
    private final PrintWriter out;
    private final Optional<Console> console;

    /**
     * @param in answers, one per line
     * @param out where questions go
     * @param console the terminal, for reading secrets without echo; empty when input is piped
     */
    public Prompter(BufferedReader in, PrintWriter out, Optional<Console> console) {
        this.in = in;
        this.out = out;
        this.console = console;
    }

    /** Thrown when input ends before the wizard does. */
    public static final class InputEndedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputEndedException() {
            super("input ended before setup finished; answer every question, or use --non-interactive with flags");
        }
    }

    /**
     * Asks until {@code check} accepts the answer ({@code ""} becomes {@code defaultValue}).
     *
     * @param check returns the problem with an answer, or empty when it is fine
     */
    public String ask(String question, String defaultValue, Function<String, Optional<String>> check)
            throws IOException {
        while (true) {
            out.print(question + (defaultValue.isEmpty() ? "" : " [" + defaultValue + "]") + ": ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                throw new InputEndedException();
            }
            String answer = line.strip().isEmpty() ? defaultValue : line.strip();
            Optional<String> problem = check.apply(answer);
            if (problem.isEmpty()) {
                return answer;
            }
            out.println("  " + problem.get() + ". Please try again.");
        }
    }

    /** A yes/no question; anything but y, yes, n, no (or empty for the default) is asked again. */
    public boolean confirm(String question, boolean defaultYes) throws IOException {
        String a = ask(question + (defaultYes ? " [Y/n]" : " [y/N]"), "", s -> s.isEmpty() || yesNo(s).isPresent()
                ? Optional.empty() : Optional.of("'" + s + "' is not yes or no"));
        return a.isEmpty() ? defaultYes : yesNo(a).orElse(defaultYes);
    }

    /** A secret: without echo on a console, else one line of input. Never printed back. */
    public String secret(String question) throws IOException {
        if (console.isPresent()) {
            char[] pw = console.get().readPassword("%s: ", question);
            if (pw == null) {
                throw new InputEndedException();
            }
            return new String(pw);
        }
        out.print(question + ": ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
            out.println();
            throw new InputEndedException();
        }
        out.println();
        return line.strip();
    }

    /** Prints a line. */
    public void say(String line) {
        out.println(line);
        out.flush();
    }

    private static Optional<Boolean> yesNo(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> Optional.of(true);
            case "n", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
