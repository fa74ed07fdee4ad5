package dev.cctelemetry.cli;

import dev.cctelemetry.core.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the report tables may use: {@code COLUMNS} when set (a narrow tmux pane, a script's choice),
 * else the terminal's own width when standard output is a terminal, else {@link ReportFormat#DEFAULT_WIDTH}
 * (a file or a pipe: every column). Java cannot ask the terminal itself, so {@code stty} does, in a shell that
 * first checks that the output it inherited from us is a terminal; on Windows, or if that fails in any way, the
 * default holds.
 */
final class TerminalWidth {

    private TerminalWidth() {
    }

    /** The width to render at, from the environment and, if need be, the terminal. */
    static int of(Map<String, String> env, boolean windows) {
        OptionalInt columns = positive(env.get("COLUMNS"));
        if (columns.isPresent()) {
            return columns.getAsInt();
        }
        if (windows || System.console() == null) {
            return ReportFormat.DEFAULT_WIDTH;
        }
        return fromStty().orElse(ReportFormat.DEFAULT_WIDTH);
    }

    private static OptionalInt fromStty() {
        try {
            // stdout inherited so that [ -t 1 ] tests ours; the size comes back on the child's stderr.
            Process p = new ProcessBuilder("sh", "-c", "[ -t 1 ] && stty size </dev/tty >&2")
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            String answer;
            try (InputStream err = p.getErrorStream()) {
                answer = new String(err.readNBytes(64), StandardCharsets.US_ASCII).strip();
            }
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return OptionalInt.empty();
            }
            String[] rowsColumns = answer.split("\\s+");
            return p.exitValue() == 0 && rowsColumns.length == 2 ? positive(rowsColumns[1]) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private static OptionalInt positive(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
