package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.2: on the same data, doctor said 29 sessions, status and sync 25, {@code report sessions} 24 rows;
 * {@code report models} requests added to 556 while sync and {@code report machines} said 562. Over the real corpus
 * (which holds zero-token {@code <synthetic>} lines and a session made only of them), every command counts one
 * thing as a request (a record with a token) and one thing as a session (a session id with a request).
 */
class CountsAgreeTest {

    private static final Pattern LEDGER_LINE = Pattern.compile("([\\d,]+) records \\(([\\d,]+) requests\\),"
            + " ([\\d,]+) sessions");
    private static final Pattern TOUCHED = Pattern.compile("([\\d,]+) sessions touched");

    @TempDir
    Path tmp;

    private static List<String> corpusRoots() throws IOException {
        Path corpus = Path.of(System.getProperty("cct.shared.dir", "../shared"), "corpus", "claude-transcripts");
        List<String> args = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            dirs.filter(Files::isDirectory).sorted().forEach(d -> {
                args.add("--claude-dir");
                args.add(d.toString());
            });
        }
        assertThat(args).as("the corpus at " + corpus).hasSizeGreaterThanOrEqualTo(12);
        return args;
    }

    private static long number(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(p + " in:\n" + text).isTrue();
        return Long.parseLong(m.group(group).replace(",", ""));
    }

    @Test
    void everyCommandCountsTheSameRequestsAndSessionsOnTheCorpus() throws Exception {
        CliHarness cli = new CliHarness(tmp);
        List<String> sync = new ArrayList<>(List.of("sync"));
        sync.addAll(corpusRoots());
        CliHarness.Result synced = cli.run(sync.toArray(String[]::new));
        assertThat(synced.exitCode()).as(synced.stderr()).isZero();

        String doctor = cli.run("doctor").stdout();
        String status = cli.run("status").stdout();
        ObjectMapper json = new ObjectMapper();
        JsonNode sessions = json.readTree(cli.run("report", "sessions", "--json", "--no-sync").stdout());
        JsonNode models = json.readTree(cli.run("report", "models", "--json", "--no-sync").stdout());
        JsonNode machines = json.readTree(cli.run("report", "machines", "--json", "--no-sync").stdout());
        long modelRequests = 0;
        for (JsonNode m : models.get("models")) {
            modelRequests += m.get("requests").asLong();
        }

        long records = number(LEDGER_LINE, status, 1);
        long requests = number(LEDGER_LINE, status, 2);
        long sessionCount = number(LEDGER_LINE, status, 3);
        // the corpus holds records that are no request: without them the test could not tell the counts apart
        assertThat(requests).isLessThan(records);
        assertThat(List.of(number(LEDGER_LINE, doctor, 2), modelRequests,
                machines.get("machines").get(0).get("requests").asLong()))
                .as("requests: doctor, report models, report machines").containsOnly(requests);
        assertThat(List.of(number(LEDGER_LINE, doctor, 3), number(TOUCHED, synced.stdout(), 1),
                (long) sessions.get("sessions").size()))
                .as("sessions: doctor, sync, report sessions").containsOnly(sessionCount);
        System.out.printf(Locale.ROOT, "CountsAgreeTest: %d records, %d requests, %d sessions%n", records, requests,
                sessionCount);
    }
}
