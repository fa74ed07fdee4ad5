package dev.cctelemetry.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import dev.cctelemetry.core.io.OutputFile;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.text.CsvCell;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.otlp.OtlpExports;
import dev.cctelemetry.app.otlp.OtlpTarget;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry export}: every record, for backups and spreadsheets; or, with {@code --otlp}, what is new to
 * an OpenTelemetry backend as Claude Code's own usage metrics.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every ledger record as CSV or JSON lines (the ledger may be the only copy once"
                + " Claude Code has deleted a transcript).",
            "With --otlp URL: send the sessions that are new or changed since the last export to that URL as"
                + " OpenTelemetry metrics claude_code.token.usage and claude_code.cost.usage (OTLP/HTTP, protobuf),"
                + " with the attributes of Claude Code's own export (type, model, session.id) and host.name."})
public final class ExportCommand implements Callable<Integer> {

    /** Export formats. */
    enum Format { csv, jsonl }

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout ('-' is"
            + " stdout). A pipe or device is written to; the ledger and config are refused.")
    Path output;

    @Option(names = "--otlp", paramLabel = "URL", description = "Send to this OTLP/HTTP endpoint instead of"
            + " writing a file: a collector's base URL (http://localhost:4318) or the full metrics URL.")
    String otlp;

    @Option(names = "--otlp-header", paramLabel = "NAME=VALUE", description = "A header for every OTLP request"
            + " (an API key, a tenant); repeatable.")
    List<String> otlpHeaders = new ArrayList<>();

    @Option(names = "--otlp-timeout", paramLabel = "DURATION", converter = IntervalConverter.class,
            defaultValue = "30s", description = "How long one OTLP request may take (default: ${DEFAULT-VALUE}).")
    Duration otlpTimeout;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final Ledgers ledgers;
    private final InstallLayout layout;
    private final OtlpExports otlpExports;

    /** An export command. */
    @Inject
    public ExportCommand(Ledgers ledgers, InstallLayout layout, OtlpExports otlpExports) {
        this.ledgers = ledgers;
        this.layout = layout;
        this.otlpExports = otlpExports;
    }

    private static final String[] HEADER = {"message_id", "request_id", "session_id", "project_dir", "cwd",
        "timestamp", "model", "input_tokens", "output_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens",
        "cache_read_tokens", "total_tokens", "cost_usd", "cost_source", "speed", "service_tier", "version",
        "sidechain", "agent_id", "config_root", "source_file"};

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (otlp != null) {
            if (output != null) {
                throw AppException.usage("--otlp sends to a URL: leave out -o/--output");
            }
            OtlpTarget target = OtlpTarget.parse(otlp, otlpHeaders, otlpTimeout);
            // The SDK logs through java.util.logging; route it to Logback, which keeps it for --verbose.
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
            spec.commandLine().getOut().println(otlpExports.export(target).summaryLine());
            return ExitCode.OK;
        }
        try (Ledger ledger = ledgers.open()) {
            if (output == null || output.toString().equals("-")) {
                Writer w = spec.commandLine().getOut();
                write(ledger, w);
                w.flush();
            } else {
                // Never over the ledger, its log or the config, never replacing a pipe or device (issue 18.2).
                try (OutputFile file = OutputFile.open(output,
                        OutputFile.ledgerAndConfig(layout.ledger(), layout.config()))) {
                    try (Writer w = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8))) {
                        write(ledger, w);
                    }
                    file.commit();
                } catch (OutputFile.Refused e) {
                    throw AppException.usage(e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return ExitCode.OK;
    }

    private void write(Ledger ledger, Writer w) throws IOException {
        if (format == Format.csv) {
            w.write(String.join(",", HEADER));
            w.write('\n');
            ledger.forEachRecord(Ledger.RecordFilter.ALL, r -> {
                try {
                    w.write(csvRow(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } else {
            JsonFactory f = new JsonFactory();
            ledger.forEachRecord(Ledger.RecordFilter.ALL, r -> {
                try {
                    JsonGenerator g = f.createGenerator(w);
                    writeJson(g, r);
                    g.flush();
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String csvRow(UsageRecord r) {
        TokenCounts t = r.tokens();
        String[] v = {r.key().messageId(), r.key().requestId(), r.sessionId(), r.projectDir(), r.cwd(),
            r.timestamp().toString(), r.model(), Long.toString(t.input()), Long.toString(t.output()),
            Long.toString(t.cacheWrite5m()), Long.toString(t.cacheWrite1h()), Long.toString(t.cacheRead()),
            Long.toString(t.total()), String.format(Locale.ROOT, "%.10f", r.costUsd()), r.costSource().code(),
            r.speed(), r.serviceTier(), r.version(), Boolean.toString(r.sidechain()), r.agentId(),
            r.configRoot(), r.sourceFile()};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csv(v[i]));
        }
        return sb.append('\n').toString();
    }

    /** RFC 4180 quoting, and a leading ' on cells a spreadsheet would run as a formula (JSON lines stay exact). */
    static String csv(String v) {
        return CsvCell.of(v);
    }

    private static void writeJson(JsonGenerator g, UsageRecord r) throws IOException {
        TokenCounts t = r.tokens();
        g.writeStartObject();
        g.writeStringField("messageId", r.key().messageId());
        g.writeStringField("requestId", r.key().requestId());
        g.writeStringField("sessionId", r.sessionId());
        g.writeStringField("projectDir", r.projectDir());
        g.writeStringField("cwd", r.cwd());
        g.writeStringField("timestamp", r.timestamp().toString());
        g.writeStringField("model", r.model());
        g.writeNumberField("inputTokens", t.input());
        g.writeNumberField("outputTokens", t.output());
        g.writeNumberField("cacheWrite5mTokens", t.cacheWrite5m());
        g.writeNumberField("cacheWrite1hTokens", t.cacheWrite1h());
        g.writeNumberField("cacheReadTokens", t.cacheRead());
        g.writeNumberField("totalTokens", t.total());
        g.writeNumberField("costUSD", r.costUsd());
        g.writeStringField("costSource", r.costSource().code());
        g.writeStringField("speed", r.speed());
        g.writeStringField("serviceTier", r.serviceTier());
        g.writeStringField("version", r.version());
        g.writeBooleanField("sidechain", r.sidechain());
        g.writeStringField("agentId", r.agentId());
        g.writeStringField("configRoot", r.configRoot());
        g.writeStringField("sourceFile", r.sourceFile());
        g.writeEndObject();
    }
}
