package dev.cctelemetry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.testing.RequiredInCi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with ccusage 20.0.24's session report over the real transcript corpus in {@code ../shared}: every
 * folder's token totals equal exactly and cost within 0.01%, and every ccusage session row equals ours when our
 * records are grouped by ccusage's session identity (the transcript path).
 *
 * <p>Accepted differences, by design: (1) ccusage takes the session from the path, so flat
 * {@code agent-*.jsonl} files are their own rows and the backup-tool layout {@code <project>/sessions/<id>.jsonl}
 * becomes session "sessions"; we attribute every record to its line's {@code sessionId} (asserted separately
 * below). (2) ccusage drops lines with {@code "speed":null} and similar; in this corpus that is one zero-token
 * {@code <synthetic>} line, which changes no number. (3) ccusage's daily report disagrees with its own session
 * report in two folders (agent-progress lines, requestId-less dedupe); we compare with the session report.
 */
class CorpusParityTest {

    private static final double COST_TOLERANCE = 1e-4; // 0.01 % relative
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    static Path corpus() {
        return Path.of(System.getProperty("cct.shared.dir", "../shared"), "corpus", "claude-transcripts");
    }

    static Stream<String> folders() throws IOException {
        Path c = corpus();
        if (!Files.isDirectory(c)) {
            return Stream.of("(corpus absent)");
        }
        try (Stream<Path> s = Files.list(c)) {
            return s.filter(p -> Files.isDirectory(p.resolve("projects"))).map(p -> p.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("folders")
    void folderTotalsAndSessionRowsMatchCcusage(String folder) throws Exception {
        Path root = corpus().resolve(folder);
        RequiredInCi.assumeAvailable(Files.isDirectory(root), "corpus not found at " + corpus() + "; skipping parity");
        LedgerHarness h = new LedgerHarness(home);
        h.sync(root);
        List<UsageRecord> records = h.records();
        JsonNode ref = JSON.readTree(root.resolve("ccusage-20.0.24-session.json").toFile());

        long[] ours = totals(records);
        JsonNode t = ref.get("totals");
        assertThat(ours).as("%s token totals (in, out, cache create, cache read, total)", folder)
                .containsExactly(t.get("inputTokens").asLong(), t.get("outputTokens").asLong(),
                        t.get("cacheCreationTokens").asLong(), t.get("cacheReadTokens").asLong(),
                        t.get("totalTokens").asLong());
        double cost = records.stream().mapToDouble(UsageRecord::costUsd).sum();
        assertThat(cost).as("%s cost", folder)
                .isCloseTo(t.get("totalCost").asDouble(), within(t.get("totalCost").asDouble() * COST_TOLERANCE + 1e-9));

        Map<String, List<UsageRecord>> byPath = new TreeMap<>();
        Path projects = root.resolve("projects").toAbsolutePath();
        for (UsageRecord r : records) {
            byPath.computeIfAbsent(ccusageIdentity(projects, Path.of(r.sourceFile())), k -> new ArrayList<>()).add(r);
        }
        byPath.values().removeIf(list -> totals(list)[4] == 0); // ccusage omits zero-token sessions
        Map<String, JsonNode> theirs = new TreeMap<>();
        for (JsonNode s : ref.get("sessions")) {
            theirs.put(s.get("projectPath").asText() + "/" + s.get("sessionId").asText(), s);
        }
        assertThat(byPath.keySet()).as("%s session rows", folder).isEqualTo(theirs.keySet());
        for (Map.Entry<String, JsonNode> e : theirs.entrySet()) {
            long[] mine = totals(byPath.get(e.getKey()));
            JsonNode s = e.getValue();
            assertThat(mine).as("%s session %s", folder, e.getKey()).containsExactly(s.get("inputTokens").asLong(),
                    s.get("outputTokens").asLong(), s.get("cacheCreationTokens").asLong(),
                    s.get("cacheReadTokens").asLong(), s.get("totalTokens").asLong());
            double c = byPath.get(e.getKey()).stream().mapToDouble(UsageRecord::costUsd).sum();
            assertThat(c).as("%s session %s cost", folder, e.getKey())
                    .isCloseTo(s.get("totalCost").asDouble(), within(s.get("totalCost").asDouble() * COST_TOLERANCE + 1e-9));
        }

        // Our own attribution: every record counts towards its line's session id, never a path artefact.
        assertThat(records).extracting(UsageRecord::sessionId)
                .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    /** ccusage 20.0.24's session identity: {@code <project>/<file stem>}, subagents roll into their folder. */
    private static String ccusageIdentity(Path projects, Path file) {
        Path rel = projects.relativize(file.toAbsolutePath());
        int n = rel.getNameCount();
        String stem = rel.getFileName().toString().replaceFirst("\\.jsonl$", "");
        if (n == 2) {
            return rel.getName(0) + "/" + stem;
        }
        if (n >= 4 && rel.getName(n - 2).toString().equals("subagents")) {
            return rel.subpath(0, n - 3) + "/" + rel.getName(n - 3);
        }
        return rel.subpath(0, n - 2) + "/" + rel.getName(n - 2);
    }

    private static long[] totals(List<UsageRecord> records) {
        long in = 0;
        long out = 0;
        long cc = 0;
        long cr = 0;
        for (UsageRecord r : records) {
            in += r.tokens().input();
            out += r.tokens().output();
            cc += r.tokens().cacheWrite();
            cr += r.tokens().cacheRead();
        }
        return new long[] {in, out, cc, cr, in + out + cc + cr};
    }
}
