package dev.cctelemetry.core.error;

/**
 * An exception as the one line a person is shown: errors are one line everywhere (the CLI, doctor, logs, status
 * files), and a stack trace only with {@code --verbose}.
 */
public final class ErrorLine {

    private ErrorLine() {
    }

    /**
     * The first line of the message; when the exception has none, its cause's message, else its simple class
     * name. Surrounding blanks are dropped.
     */
    public static String of(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            m = c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    /**
     * The exception's type and the first line of its message ({@code IOException: disk full}), at most
     * {@code maxChars} long. A wrapper that only repeats its cause ({@code UncheckedIOException(IOException)})
     * says nothing of its own, so its cause is named instead. For logs and status files, where the type helps.
     */
    public static String withType(Throwable t, int maxChars) {
        Throwable e = t;
        while (e.getCause() != null && e.getCause() != e
                && (e.getMessage() == null || e.getMessage().equals(e.getCause().toString()))) {
            e = e.getCause();
        }
        String msg = e.getMessage();
        String line = e.getClass().getSimpleName();
        if (msg != null && !msg.isBlank()) {
            line += ": " + msg.strip().lines().findFirst().orElse("");
        }
        return line.length() > maxChars ? line.substring(0, maxChars) : line;
    }
}
