package dev.cctelemetry.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A history of many small transcripts: {@code folders} project folders of {@code sessions} sessions, each one
 * usage line (the shape of issue 18.3, where 200 x 1,000 of them ran a 128 MiB heap out). Every line is a distinct
 * API response of 10 input, 20 output and 100 cache-read tokens, so a tree of n files holds n records.
 *
 * <p>Command line: {@code <claude-dir> <folders> <sessions>}; prints the file count.
 */
public final class ManySessionsTree {

    private ManySessionsTree() {
    }

    /** {@code <claude-dir> <folders> <sessions>}: writes the tree. */
    public static void main(String[] args) throws IOException {
        PrintStream stdout = System.out;
        int folders = Integer.parseInt(args[1]);
        int sessions = Integer.parseInt(args[2]);
        write(Path.of(args[0]), folders, sessions);
        stdout.println(folders * sessions);
    }

    /** Writes {@code folders} x {@code sessions} one-line transcripts under {@code claude}/projects. */
    public static void write(Path claude, int folders, int sessions) throws IOException {
        for (int f = 0; f < folders; f++) {
            Path dir = Files.createDirectories(claude.resolve("projects").resolve(folder(f)));
            for (int s = 0; s < sessions; s++) {
                Files.write(dir.resolve(sessionId(f, s) + ".jsonl"), line(f, s, 0).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The transcript of session {@code session} in folder {@code folder}. */
    public static Path transcript(Path claude, int folder, int session) {
        return claude.resolve("projects").resolve(folder(folder)).resolve(sessionId(folder, session) + ".jsonl");
    }

    private static String folder(int f) {
        return String.format(Locale.ROOT, "-home-dev-p%03d", f);
    }

    /** A UUID-shaped session id. */
    public static String sessionId(int folder, int session) {
        return String.format(Locale.ROOT, "%08d-0000-4000-8000-%012d", folder, session);
    }

    /** Turn {@code turn} of a session: one assistant line with usage, newline included. */
    public static String line(int folder, int session, int turn) {
        return String.format(Locale.ROOT, "{\"type\":\"assistant\",\"sessionId\":\"%s\",\"cwd\":\"/home/dev/p%03d\","
                + "\"version\":\"2.1.19\",\"timestamp\":\"2026-01-%02dT10:00:00.000Z\",\"requestId\":\"req_%d_%d_%d\","
                + "\"message\":{\"id\":\"msg_%d_%d_%d\",\"model\":\"claude-sonnet-4-5-20250929\",\"role\":\"assistant\","
                + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":20,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":100}}}\n",
                sessionId(folder, session), folder, 1 + session % 28, folder, session, turn, folder, session, turn);
    }
}
