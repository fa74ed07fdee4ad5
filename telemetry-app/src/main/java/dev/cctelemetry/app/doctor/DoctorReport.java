package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.text.TerminalText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.app.ExitCode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The results of all checks, as aligned text (one line per check, its fix indented below) or JSON.
 *
 * @param results one per check, in order
 */
public record DoctorReport(List<CheckResult> results) {

    public DoctorReport {
        results = List.copyOf(results);
    }

    /** The worst status of any check. */
    public CheckStatus overall() {
        return results.stream().map(CheckResult::status).reduce(CheckStatus.OK, CheckStatus::worst);
    }

    /** 0 when nothing is ✗, 3 otherwise. */
    public int exitCode() {
        return overall() == CheckStatus.FAIL ? ExitCode.PROBLEM : ExitCode.OK;
    }

    /** The result named {@code name}, for tests and the setup summary. */
    public CheckResult result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + name));
    }

    /** Aligned text: {@code Name   ✓ summary}, then {@code   → fix} under each ! or ✗, then a count line. */
    public String renderText() {
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0) + 2;
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            // Summaries quote settings files, transcripts and status files (versions, hook commands, errors):
            // control characters in them are shown, not sent to the terminal (issue 18.4).
            sb.append(String.format(Locale.ROOT, "%-" + width + "s%s %s%n", r.name(), r.status().symbol(),
                    TerminalText.printable(r.summary())));
            if (!r.fix().isEmpty()) {
                sb.append(" ".repeat(width)).append("  → ").append(TerminalText.printable(r.fix()))
                        .append(System.lineSeparator());
            }
        }
        long fails = count(CheckStatus.FAIL);
        long warns = count(CheckStatus.WARN);
        sb.append(System.lineSeparator()).append(fails == 0 && warns == 0 ? "Everything works."
                : String.format(Locale.ROOT, "%d problem%s, %d warning%s.", fails, fails == 1 ? "" : "s", warns,
                        warns == 1 ? "" : "s")).append(System.lineSeparator());
        return sb.toString();
    }

    /** {@code {"ok":bool,"exit_code":n,"checks":[{"name","status","symbol","summary","fix"}]}}. */
    public String renderJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("ok", exitCode() == ExitCode.OK);
        root.put("exit_code", exitCode());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : results) {
            ObjectNode c = checks.addObject();
            c.put("name", r.name());
            c.put("status", r.status().name().toLowerCase(Locale.ROOT));
            c.put("symbol", r.status().symbol());
            c.put("summary", r.summary());
            c.put("fix", r.fix());
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(CheckStatus s) {
        return results.stream().filter(r -> r.status() == s).count();
    }
}
