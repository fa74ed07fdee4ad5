package dev.cctelemetry.testing;

import dev.cctelemetry.core.usage.TokenCounts;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The truth about a generated tree, collected while writing it: file and line counts, and the token totals after
 * de-duplicating streaming copies with the winner rule (per API response, the copy with the larger token total).
 * Both cc-telemetry and ccusage 20.0.24 must report exactly these tokens for the tree.
 */
public final class ExpectedTotals {

    private final long seed;
    private final long targetBytes;
    private long bytes;
    private int mainFiles;
    private int subagentFiles;
    private int projects;
    private long lines;
    private long maxLineBytes;
    private long assistantLines;
    private long responses;
    private long syntheticResponses;
    private TokenCounts tokens = TokenCounts.ZERO;
    private final Map<String, Long> linesByType = new TreeMap<>();
    private final Map<String, TokenCounts> tokensByModel = new TreeMap<>();
    private final Map<String, Long> responsesByModel = new TreeMap<>();

    ExpectedTotals(long seed, long targetBytes) {
        this.seed = seed;
        this.targetBytes = targetBytes;
    }

    void line(String type, long lineBytesWithNewline) {
        lines++;
        bytes += lineBytesWithNewline;
        maxLineBytes = Math.max(maxLineBytes, lineBytesWithNewline);
        linesByType.merge(type, 1L, Long::sum);
        if ("assistant".equals(type)) {
            assistantLines++;
        }
    }

    void mainFile() {
        mainFiles++;
    }

    void subagentFile() {
        subagentFiles++;
    }

    void projects(int count) {
        projects = count;
    }

    /** One API response; {@code winner} is the usage of the copy the winner rule keeps. */
    void response(String model, TokenCounts winner) {
        responses++;
        if (UsageModels.SYNTHETIC.equals(model)) {
            syntheticResponses++;
            return;
        }
        tokens = tokens.plus(winner);
        tokensByModel.merge(model, winner, TokenCounts::plus);
        responsesByModel.merge(model, 1L, Long::sum);
    }

    /** The seed the tree was generated from. */
    public long seed() {
        return seed;
    }

    /** Bytes of all transcript files ({@code .jsonl}), newlines included. */
    public long bytes() {
        return bytes;
    }

    /** Number of {@code .jsonl} files (main sessions plus subagent files). */
    public int files() {
        return mainFiles + subagentFiles;
    }

    /** Number of main session files (= sessions). */
    public int sessions() {
        return mainFiles;
    }

    /** Number of subagent files. */
    public int subagentFiles() {
        return subagentFiles;
    }

    /** All lines written. */
    public long lines() {
        return lines;
    }

    /** Assistant lines written, streaming copies included. */
    public long assistantLines() {
        return assistantLines;
    }

    /** Distinct API responses (distinct message id and request id), synthetic ones included. */
    public long responses() {
        return responses;
    }

    /** Assistant lines that are extra streaming copies of a response already counted. */
    public long duplicateLines() {
        return assistantLines - responses;
    }

    /** The longest line in bytes. */
    public long maxLineBytes() {
        return maxLineBytes;
    }

    /** Lines per top-level {@code type}. */
    public Map<String, Long> linesByType() {
        return Collections.unmodifiableMap(linesByType);
    }

    /** De-duplicated token totals over all models ({@code <synthetic>} carries zero). */
    public TokenCounts tokens() {
        return tokens;
    }

    /** De-duplicated token totals per model id (no {@code <synthetic>}). */
    public Map<String, TokenCounts> tokensByModel() {
        return Collections.unmodifiableMap(tokensByModel);
    }

    /** The totals as one line of compact JSON (deterministic for a seed: no timings). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"generator\":\"TranscriptTreeGenerator/1\"")
                .append(",\"seed\":").append(seed)
                .append(",\"targetBytes\":").append(targetBytes)
                .append(",\"bytes\":").append(bytes)
                .append(",\"files\":").append(files())
                .append(",\"sessions\":").append(mainFiles)
                .append(",\"subagentFiles\":").append(subagentFiles)
                .append(",\"projects\":").append(projects)
                .append(",\"lines\":").append(lines)
                .append(",\"avgLineBytes\":").append(String.format(Locale.ROOT, "%.1f", lines == 0 ? 0.0 : (double) bytes / lines))
                .append(",\"maxLineBytes\":").append(maxLineBytes)
                .append(",\"assistantLines\":").append(assistantLines)
                .append(",\"duplicateLines\":").append(duplicateLines())
                .append(",\"responses\":").append(responses)
                .append(",\"syntheticResponses\":").append(syntheticResponses)
                .append(",\"linesByType\":{");
        String sep = "";
        for (Map.Entry<String, Long> e : linesByType.entrySet()) {
            sb.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        sb.append("},\"tokens\":");
        appendTokens(sb, tokens);
        sb.append(",\"models\":{");
        sep = "";
        for (Map.Entry<String, TokenCounts> e : tokensByModel.entrySet()) {
            sb.append(sep).append('"').append(e.getKey()).append("\":{\"responses\":")
                    .append(responsesByModel.get(e.getKey())).append(",\"tokens\":");
            appendTokens(sb, e.getValue());
            sb.append('}');
            sep = ",";
        }
        return sb.append("}}").toString();
    }

    private static void appendTokens(StringBuilder sb, TokenCounts t) {
        sb.append("{\"input\":").append(t.input())
                .append(",\"output\":").append(t.output())
                .append(",\"cacheWrite5m\":").append(t.cacheWrite5m())
                .append(",\"cacheWrite1h\":").append(t.cacheWrite1h())
                .append(",\"cacheCreation\":").append(t.cacheWrite())
                .append(",\"cacheRead\":").append(t.cacheRead())
                .append(",\"total\":").append(t.total())
                .append('}');
    }
}
