package dev.cctelemetry.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.cctelemetry.core.query.BlockProjection;
import dev.cctelemetry.core.query.BurnRate;
import dev.cctelemetry.core.query.IsoMillis;
import dev.cctelemetry.core.query.ModelBreakdown;
import dev.cctelemetry.core.query.UsageSummary;
import dev.cctelemetry.core.usage.TokenCounts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes reports as JSON in the shapes of ccusage 20.0.24 ({@code {"daily":[...],"totals":{...}}},
 * {@code {"sessions":...}}, {@code {"blocks":[...]}}), so scripts written for ccusage keep working. Keys are
 * alphabetical like ccusage's. Additions: {@code cacheWrite5mTokens}/{@code cacheWrite1hTokens} next to
 * {@code cacheCreationTokens}, {@code cwd} on sessions and projects, {@code requests} on models, and
 * {@code unpricedModels} (totals, or top level for blocks) whenever some model had no price, and
 * {@code costStateModels} (the same places) whenever some cost is Claude Code's own cost-state figure.
 */
public final class ReportJsonWriter {

    private final JsonFactory factory;

    /** A writer that pretty-prints. */
    public ReportJsonWriter() {
        // TreeMaps give the alphabetical key order. The tree is walked onto Jackson's streaming generator with the
        // pretty printer ObjectMapper's writerWithDefaultPrettyPrinter uses, so the text is the one databind wrote,
        // without its per-value serializer lookups: 5,000 sessions are 12 MB of JSON.
        this.factory = new JsonFactory();
    }

    /** The report as a JSON document. */
    public String toJson(Report<?> report) {
        StringWriter out = new StringWriter(1 << 16);
        writeDocument(report, out);
        return out.toString();
    }

    /** Writes the report as a JSON document to {@code out} (not closed). */
    public void write(Report<?> report, Writer out) {
        try {
            writeDocument(report, out);
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeDocument(Report<?> report, Writer out) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            value(g, document(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize report", e);
        }
    }

    /** One value of the document tree: maps, lists, text, whole numbers, doubles, booleans and nulls. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof String text) {
            g.writeString(text);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private static Map<String, Object> document(Report<?> report) {
        Map<String, Object> doc = new TreeMap<>();
        List<Object> rows = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            rows.add(row(row));
        }
        doc.put(report.kind().jsonKey(), rows);
        if (report.kind() == ReportKind.BLOCKS) {
            // ccusage's blocks document has no totals; the unpriced list must still not get lost.
            if (!report.totals().unpricedModels().isEmpty()) {
                doc.put("unpricedModels", report.totals().unpricedModels());
            }
            if (!report.totals().costStateModels().isEmpty()) {
                doc.put("costStateModels", report.totals().costStateModels());
            }
        } else {
            doc.put("totals", totals(report.totals()));
        }
        return doc;
    }

    private static Map<String, Object> row(ReportRow row) {
        if (row instanceof BlockRow b) {
            return block(b);
        }
        Map<String, Object> m = usage(row.usage());
        m.put("modelsUsed", row.usage().modelsUsed());
        m.put("modelBreakdowns", row.usage().breakdowns().stream().map(ReportJsonWriter::breakdown).toList());
        if (row instanceof DailyRow d) {
            m.put("date", d.date().toString());
        } else if (row instanceof WeeklyRow w) {
            m.put("week", w.weekStart().toString());
        } else if (row instanceof MonthlyRow mo) {
            m.put("month", mo.month().toString());
        } else if (row instanceof SessionRow s) {
            m.put("sessionId", s.sessionId());
            m.put("projectPath", s.projectDir());
            m.put("cwd", s.cwd());
            m.put("firstActivity", IsoMillis.format(s.firstActivity()));
            m.put("lastActivity", IsoMillis.format(s.lastActivity()));
        } else if (row instanceof ProjectRow p) {
            m.put("project", p.projectDir());
            m.put("cwd", p.cwd());
        } else if (row instanceof ModelRow mr) {
            m.put("model", mr.model());
            m.put("requests", mr.usage().requests());
        }
        return m;
    }

    /** The token and cost fields every row and the totals share. */
    private static Map<String, Object> usage(UsageSummary u) {
        Map<String, Object> m = tokenFields(u.tokens(), "Tokens");
        m.put("totalTokens", u.totalTokens());
        m.put("totalCost", u.cost());
        return m;
    }

    /**
     * A summary in the shape of a report's {@code totals} (ccusage's keys, {@code unpricedModels} when some model
     * had no price): for other front ends whose figures must read like {@code report --json}'s.
     */
    public static Map<String, Object> totals(UsageSummary u) {
        Map<String, Object> m = usage(u);
        if (!u.unpricedModels().isEmpty()) {
            m.put("unpricedModels", u.unpricedModels());
        }
        if (!u.costStateModels().isEmpty()) {
            m.put("costStateModels", u.costStateModels());
        }
        return m;
    }

    private static Map<String, Object> breakdown(ModelBreakdown b) {
        Map<String, Object> m = tokenFields(b.tokens(), "Tokens");
        m.put("modelName", b.model());
        m.put("cost", b.cost());
        return m;
    }

    private static Map<String, Object> block(BlockRow b) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", b.id());
        m.put("startTime", IsoMillis.format(b.start()));
        m.put("endTime", IsoMillis.format(b.end()));
        m.put("actualEndTime", b.actualEnd().map(IsoMillis::format).orElse(null));
        m.put("isActive", b.active());
        m.put("isGap", b.gap());
        m.put("entries", b.usage().requests());
        m.put("models", b.usage().modelsUsed());
        m.put("tokenCounts", tokenFields(b.usage().tokens(), "InputTokens"));
        m.put("totalTokens", b.usage().totalTokens());
        m.put("costUSD", b.usage().cost());
        m.put("burnRate", b.burnRate().map(ReportJsonWriter::burnRate).orElse(null));
        m.put("projection", b.projection().map(ReportJsonWriter::projection).orElse(null));
        return m;
    }

    /**
     * ccusage's token keys. Rows say {@code cacheCreationTokens}, block token counts say
     * {@code cacheCreationInputTokens}; input and output are {@code inputTokens}/{@code outputTokens} in both.
     */
    private static Map<String, Object> tokenFields(TokenCounts t, String cacheSuffix) {
        Map<String, Object> m = new TreeMap<>();
        m.put("inputTokens", t.input());
        m.put("outputTokens", t.output());
        m.put("cacheCreation" + cacheSuffix, t.cacheWrite());
        m.put("cacheRead" + cacheSuffix, t.cacheRead());
        m.put("cacheWrite5mTokens", t.cacheWrite5m());
        m.put("cacheWrite1hTokens", t.cacheWrite1h());
        return m;
    }

    private static Map<String, Object> burnRate(BurnRate r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("tokensPerMinute", r.tokensPerMinute());
        m.put("tokensPerMinuteForIndicator", r.tokensPerMinuteForIndicator());
        m.put("costPerHour", r.costPerHour());
        return m;
    }

    private static Map<String, Object> projection(BlockProjection p) {
        Map<String, Object> m = new TreeMap<>();
        m.put("totalTokens", p.totalTokens());
        m.put("totalCost", p.totalCost());
        m.put("remainingMinutes", p.remainingMinutes());
        return m;
    }
}
