package dev.cctelemetry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.core.usage.LineOrigin;
import dev.cctelemetry.core.usage.ParsedLine;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTreeGeneratorTest {

    private static final long TWO_MB = 2L << 20;

    @TempDir
    Path dir;

    @Test
    void parsedAndDedupedTreeMatchesTheGeneratorsTotals() throws IOException {
        ExpectedTotals expected = new TranscriptTreeGenerator(dir.resolve("a"), TWO_MB, 7).generate();

        Parsed parsed = parse(dir.resolve("a"));

        assertThat(parsed.malformed).isZero();
        assertThat(parsed.lines).isEqualTo(expected.lines());
        assertThat(parsed.usageLines).isEqualTo(expected.assistantLines());
        assertThat(parsed.winners).hasSize((int) expected.responses());
        assertThat(parsed.tokens()).isEqualTo(expected.tokens());
        assertThat(parsed.tokensByModel()).isEqualTo(expected.tokensByModel());
        assertThat(parsed.bytes).isEqualTo(expected.bytes());
    }

    @Test
    void treeHasTheRealisticShapeTheBenchmarkReliesOn() throws IOException {
        ExpectedTotals t = new TranscriptTreeGenerator(dir.resolve("a"), TWO_MB, 7).generate();

        assertThat(t.bytes()).isBetween(TWO_MB, TWO_MB + (TWO_MB / 2));
        assertThat((double) t.assistantLines() / t.lines()).isBetween(0.49, 0.59);
        assertThat((double) t.duplicateLines() / t.assistantLines()).isBetween(0.25, 0.35);
        assertThat(t.subagentFiles()).isPositive();
        assertThat(t.linesByType()).containsKeys("user", "assistant", "system", "file-history-snapshot");
        assertThat(t.tokens().cacheWrite5m()).isPositive();
        assertThat(t.tokens().cacheWrite1h()).isPositive();
        try (Stream<Path> files = Files.walk(dir.resolve("a/projects"))) {
            List<Path> agents = files.filter(p -> p.getFileName().toString().startsWith("agent-")
                    && p.toString().endsWith(".jsonl")).toList();
            assertThat(agents).isNotEmpty().allSatisfy(p ->
                    assertThat(p.getParent().getFileName().toString()).isEqualTo("subagents"));
        }
    }

    @Test
    void everyUsageLineIsCompactJsonAsCcusageRequires() throws IOException {
        new TranscriptTreeGenerator(dir.resolve("a"), TWO_MB, 7).generate();

        for (Path f : jsonlFiles(dir.resolve("a"))) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.contains("\"type\":\"assistant\"")) {
                    assertThat(line).contains("\"usage\":{").doesNotContain("\"usage\": {")
                            .doesNotContain("\"id\":null").doesNotContain("\"requestId\":null");
                    assertThat(line).containsPattern("\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
                }
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalTreesAndAnotherSeedDoesNot() throws IOException {
        ExpectedTotals a = new TranscriptTreeGenerator(dir.resolve("a"), TWO_MB / 2, 11).generate();
        ExpectedTotals b = new TranscriptTreeGenerator(dir.resolve("b"), TWO_MB / 2, 11).generate();
        ExpectedTotals c = new TranscriptTreeGenerator(dir.resolve("c"), TWO_MB / 2, 12).generate();

        assertThat(b.toJson()).isEqualTo(a.toJson());
        assertThat(c.tokens()).isNotEqualTo(a.tokens());
        assertThat(contents(dir.resolve("b"))).isEqualTo(contents(dir.resolve("a")));
    }

    @Test
    void printedJsonCarriesTheTotals() throws IOException {
        ExpectedTotals t = new TranscriptTreeGenerator(dir.resolve("a"), TWO_MB / 4, 3).generate();

        assertThat(t.toJson())
                .startsWith("{\"generator\":\"TranscriptTreeGenerator/1\",\"seed\":3,")
                .contains("\"tokens\":{\"input\":" + t.tokens().input() + ",\"output\":" + t.tokens().output()
                        + ",\"cacheWrite5m\":" + t.tokens().cacheWrite5m() + ",\"cacheWrite1h\":"
                        + t.tokens().cacheWrite1h() + ",\"cacheCreation\":" + t.tokens().cacheWrite()
                        + ",\"cacheRead\":" + t.tokens().cacheRead() + ",\"total\":" + t.tokens().total() + "}");
    }

    private static Parsed parse(Path root) throws IOException {
        TranscriptLineParser parser = new TranscriptLineParser();
        Parsed parsed = new Parsed();
        for (Path f : jsonlFiles(root)) {
            byte[] all = Files.readAllBytes(f);
            parsed.bytes += all.length;
            Path rel = root.resolve("projects").relativize(f);
            LineOrigin origin = new LineOrigin(root.toString(), f.toString(), rel.getName(0).toString(),
                    rel.getName(1).toString().replace(".jsonl", ""));
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    parsed.lines++;
                    ParsedLine line = parser.parse(all, start, i - start, origin, start);
                    if (line instanceof ParsedLine.Usage u) {
                        parsed.usageLines++;
                        parsed.winners.merge(u.record().key(), u.record(), WinnerRule::winner);
                    } else if (line instanceof ParsedLine.Malformed) {
                        parsed.malformed++;
                    }
                    start = i + 1;
                }
            }
        }
        return parsed;
    }

    private static List<Path> jsonlFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        for (Path f : jsonlFiles(root)) {
            result.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
        return result;
    }

    /** What reading the tree back gave. */
    private static final class Parsed {
        long bytes;
        long lines;
        long usageLines;
        long malformed;
        final Map<UsageKey, UsageRecord> winners = new HashMap<>();

        TokenCounts tokens() {
            return winners.values().stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus);
        }

        Map<String, TokenCounts> tokensByModel() {
            Map<String, TokenCounts> m = new TreeMap<>();
            for (UsageRecord r : new ArrayList<>(winners.values())) {
                if (!r.synthetic()) {
                    m.merge(r.model(), r.tokens(), TokenCounts::plus);
                }
            }
            return m;
        }
    }
}
