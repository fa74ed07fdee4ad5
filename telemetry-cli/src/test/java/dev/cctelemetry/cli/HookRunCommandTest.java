package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.core.port.out.HookEvent;
import dev.cctelemetry.core.port.out.HookScriptSpec;
import dev.cctelemetry.platform.unix.PosixHookScriptRenderer;
import dev.cctelemetry.platform.windows.PowerShellHookScriptRenderer;
import dev.cctelemetry.testing.TranscriptBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class HookRunCommandTest {

    private static final String S1 = "22222222-2222-4222-8222-222222222222";
    private static final String SONNET = "claude-sonnet-4-20250514";
    private static final String SECRET = "the last assistant message, which must not be logged";

    @TempDir
    Path tmp;
    CliHarness cli;
    PrintStream realOut;
    PrintStream realErr;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp);
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(realOut);
        System.setErr(realErr);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset(); // hook-run took over the root logger
    }

    @Test
    void garbageSpoolExitsZeroSilentlyAndDeletesTheSpool() throws IOException {
        Path spool = spool("stop", "this is {not json " + SECRET);

        CliHarness.Result r = cli.run("hook-run", "--event", "stop", "--spool", spool.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEmpty();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(spool).doesNotExist();
        String log = Files.readString(cli.telemetryHome.resolve("logs/hook-sync.log"));
        assertThat(log).contains("rejected").doesNotContain(SECRET);
    }

    /** Issue 18.9: {@code hook-run --spool} is a command line anyone can type; it must not delete the ledger. */
    @Test
    void aSpoolPathOutsideTheSpoolFolderIsNeitherReadNorDeleted() throws IOException {
        Path ledgerLike = Files.createDirectories(cli.telemetryHome).resolve("precious.db");
        Files.writeString(ledgerLike, "the only copy");

        for (String event : new String[] {"stop", "session-end", "nope"}) {
            CliHarness.Result r = cli.run("hook-run", "--event", event, "--spool", ledgerLike.toString());
            assertThat(r.exitCode()).isZero();
        }

        assertThat(ledgerLike).hasContent("the only copy");
        assertThat(Files.readString(cli.telemetryHome.resolve("logs/hook-sync.log")))
                .contains("--spool is not a file in the spool folder");
    }

    @Test
    void badCommandLinesAndUnknownEventsStillExitZeroSilently() {
        for (String[] args : new String[][] {{"hook-run"}, {"hook-run", "--event", "nope"}, {"hook-run", "--frob"},
            {"hook-run", "--event", "stop-trailing", "--session", "not-a-uuid"}}) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.stdout() + r.stderr()).isEmpty();
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void stopPayloadSyncsTheSessionIntoTheLedgerAndRecordsItsRoot() throws IOException {
        Path claude = cli.userHome.resolve(".claude");
        Path transcript = claude.resolve("projects/-work-p/" + S1 + ".jsonl");
        TranscriptBuilder.session(S1).user("hi")
                .assistant("msg_1", "req_1", SONNET, "2026-01-01T10:00:00.000Z", 10, 20, 30, 40, "end_turn")
                .writeTo(transcript);
        Path spool = spool("stop", "{\"session_id\":\"" + S1 + "\",\"transcript_path\":\"" + transcript
                + "\",\"hook_event_name\":\"Stop\",\"last_assistant_message\":\"" + SECRET + "\"}");

        CliHarness.Result r = cli.run("hook-run", "--event", "stop", "--spool", spool.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout() + r.stderr() + stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        CliHarness.Result export = cli.run("export", "--format", "jsonl");
        assertThat(export.stdout().lines()).hasSize(1).first().asString().contains("msg_1").contains(S1);
        assertThat(new ObjectMapper().readTree(cli.telemetryHome.resolve("state/roots.json").toFile())
                .path("roots").get(0).asText()).isEqualTo(claude.toString());
        assertThat(Files.readString(cli.telemetryHome.resolve("state/hook-outcome.json"))).contains("\"ok\":true");
        String log = Files.readString(cli.telemetryHome.resolve("logs/hook-sync.log"));
        assertThat(log).contains("SYNCED").contains("added=1").doesNotContain(SECRET);
    }

    /** Every {@code hook-run} command line the rendered scripts can build parses, with an event the worker knows. */
    @Test
    void theArgumentsTheScriptsPassAreTheOnesHookRunAccepts() {
        HookScriptSpec spec = HookScriptSpec.withDefaults(Path.of("/j/java"), Path.of("/j/cct.jar"), Path.of("/h"));
        Set<String> events = new LinkedHashSet<>();
        for (HookEvent e : HookEvent.values()) {
            String sh = new PosixHookScriptRenderer().render(e, spec);
            Matcher m = Pattern.compile("--event ([a-z-]+)").matcher(sh);
            while (m.find()) {
                events.add(m.group(1));
            }
            String ps = new PowerShellHookScriptRenderer().render(e, spec);
            Matcher p = Pattern.compile("'--event', '([a-z-]+)'").matcher(ps);
            while (p.find()) {
                events.add(p.group(1));
            }
            assertThat(sh).contains("--spool").contains("hook-run");
        }
        assertThat(events).containsExactlyInAnyOrder("stop", "session-end", "stop-trailing");
        for (String ev : events) {
            assertThat(dev.cctelemetry.hooks.worker.WorkerEvent.fromCliName(ev)).as(ev).isPresent();
        }
        CommandLine.Model.CommandSpec hookRun = CommandLine.Model.CommandSpec.forAnnotatedObject(
                new HookRunCommand(null, null, null));
        assertThat(hookRun.optionsMap()).containsKeys("--event", "--spool", "--session");
        assertThat(hookRun.usageMessage().hidden()).isTrue();
    }

    @Test
    void platformIsIrrelevantToTheWorker() {
        cli.platform = Platform.WINDOWS;
        CliHarness.Result r = cli.run("hook-run", "--event", "stop-trailing", "--session", S1);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout() + r.stderr()).isEmpty();
    }

    private Path spool(String event, String content) throws IOException {
        Path dir = Files.createDirectories(cli.telemetryHome.resolve("spool"));
        Path f = dir.resolve(event + ".abcdefghij");
        Files.writeString(f, content);
        return f;
    }
}
