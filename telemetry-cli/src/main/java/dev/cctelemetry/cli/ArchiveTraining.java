package dev.cctelemetry.cli;

import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.statusline.StatuslineRun;
import dev.cctelemetry.core.statusline.LocalZone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training run the launcher makes its start-up archive from (a JDK's class-data archive, or on JDK 25+ its AOT
 * cache): every subcommand's {@code --help}, so each command's classes and wiring are loaded, commands added later
 * included, then the everyday commands for real ({@code sync} of a one-session history, the quick {@code sync} with
 * nothing new, {@code report}, {@code status}, {@code doctor}) in a throwaway home. The archive then serves every
 * command, not only the one that happened to run first after a build. Prints nothing; touches nothing outside the
 * empty folder it is given, which the launcher deletes afterwards.
 */
public final class ArchiveTraining {

    private static final String SESSION = "5f0c7a1e-0000-4000-8000-00000000a11c";

    private ArchiveTraining() {
    }

    /** {@code <empty folder>}: runs the training commands in it; exits 0 unless the folder cannot be written. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ArchiveTraining <empty folder>");
            System.exit(2);
        }
        train(Path.of(args[0]).toAbsolutePath());
        System.exit(0);
    }

    private static void train(Path dir) throws IOException {
        Path claude = dir.resolve("claude");
        Path user = Files.createDirectories(dir.resolve("user"));
        writeSession(Files.createDirectories(claude.resolve("projects").resolve("-home-dev-training")));
        TelemetryEnvironment env = new TelemetryEnvironment(Map.of("CC_TELEMETRY_HOME", dir.resolve("home").toString(),
                "CLAUDE_CONFIG_DIR", claude.toString(), "HOME", user.toString(), "TZ", "UTC"), user, dir);
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Clock clock = Clock.systemUTC();
        for (String[] command : commands()) {
            try {
                Main.run(command, env, clock, none, none);
            } catch (RuntimeException | LinkageError e) {
                // A command that fails here still loaded what it needed up to the failure: keep training.
            }
        }
        try {
            QuickSync.tryRun(new String[] {"sync"}, env, clock, none);
        } catch (RuntimeException e) {
            // as above
        }
        statusline(env, claude);
    }

    /**
     * A status line run as Claude Code starts it after a turn (its payload, with plan limits): the status line
     * answers before anything else starts, so only a run of its own puts its classes in the archive.
     */
    private static void statusline(TelemetryEnvironment env, Path claude) {
        String transcript = claude.resolve("projects").resolve("-home-dev-training").resolve(SESSION + ".jsonl")
                .toString().replace("\\", "\\\\");
        long now = Clock.systemUTC().instant().getEpochSecond();
        String payload = "{\"session_id\":\"" + SESSION + "\",\"transcript_path\":\"" + transcript + "\","
                + "\"cwd\":\"/home/dev/training\",\"model\":{\"id\":\"claude-sonnet-4-5-20250929\","
                + "\"display_name\":\"Sonnet 4.5\"},\"version\":\"2.1.328\",\"cost\":{\"total_cost_usd\":0.01},"
                + "\"rate_limits\":{\"five_hour\":{\"used_percentage\":42,\"resets_at\":" + (now + 3600) + "},"
                + "\"seven_day\":{\"used_percentage\":17,\"resets_at\":" + (now + 86400) + "}}}";
        try {
            // as StatuslineCommand.runFast builds it, so the archive holds the classes a real run loads
            new StatuslineRun(env.layout(), Clock.systemUTC(), LocalZone.systemDefault()).run(
                    new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), env.env(),
                    OutputStream.nullOutputStream());
        } catch (RuntimeException | LinkageError e) {
            // as above
        }
    }

    private static List<String[]> commands() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"--help"});
        for (Class<?> c : RootCommand.SUBCOMMANDS) {
            if (c != CommandLine.HelpCommand.class) {
                commands.add(new String[] {c.getAnnotation(Command.class).name(), "--help"});
            }
        }
        commands.add(new String[] {"sync"});
        commands.add(new String[] {"sync", "--json"});
        commands.add(new String[] {"report", "daily", "--no-sync"});
        commands.add(new String[] {"report", "daily", "--no-sync", "--json"});
        commands.add(new String[] {"report", "sessions", "--no-sync"});
        commands.add(new String[] {"report", "models", "--no-sync"});
        commands.add(new String[] {"status"});
        commands.add(new String[] {"doctor"});
        return commands;
    }

    /** One session of two turns, shaped like Claude Code's transcripts. */
    private static void writeSession(Path project) throws IOException {
        StringBuilder lines = new StringBuilder();
        lines.append("{\"type\":\"user\",\"sessionId\":\"" + SESSION + "\",\"cwd\":\"/home/dev/training\","
                + "\"version\":\"2.1.19\",\"timestamp\":\"2026-01-05T10:00:00.000Z\",\"uuid\":\"u1\","
                + "\"message\":{\"role\":\"user\",\"content\":\"hello\"}}\n");
        for (int turn = 1; turn <= 2; turn++) {
            lines.append("{\"type\":\"assistant\",\"sessionId\":\"" + SESSION + "\",\"cwd\":\"/home/dev/training\","
                    + "\"version\":\"2.1.19\",\"timestamp\":\"2026-01-05T10:00:0" + turn + ".000Z\","
                    + "\"requestId\":\"req_training_" + turn + "\",\"message\":{\"id\":\"msg_training_" + turn
                    + "\",\"model\":\"claude-sonnet-4-5-20250929\",\"role\":\"assistant\",\"stop_reason\":\"end_turn\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"usage\":{\"input_tokens\":10,"
                    + "\"output_tokens\":20,\"cache_creation_input_tokens\":30,\"cache_read_input_tokens\":100,"
                    + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":30,\"ephemeral_1h_input_tokens\":0},"
                    + "\"service_tier\":\"standard\"}}}\n");
        }
        Files.writeString(project.resolve(SESSION + ".jsonl"), lines, StandardCharsets.UTF_8);
    }
}
