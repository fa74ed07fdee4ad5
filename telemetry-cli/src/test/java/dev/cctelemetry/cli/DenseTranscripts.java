package dev.cctelemetry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Transcripts of many short assistant lines, so that one sync commits several batches (a batch closes at 20,000
 * records) and a kill can land between commits, inside one, or in the upsert of a copy that an earlier batch
 * already stored. Each response has a streaming copy and a final one; each session's resumed file replays the
 * first responses of its session (as Claude Code does on {@code --resume}), so copies of one key meet across
 * files and batches. Deterministic for a seed.
 */
final class DenseTranscripts {

    private static final String[] MODELS = {"claude-sonnet-4-20250514", "claude-opus-4-1-20250805",
        "claude-3-5-haiku-20241022"};

    private DenseTranscripts() {
    }

    /**
     * Writes {@code sessions} sessions of {@code responses} responses each under {@code root/projects/}.
     *
     * @return the number of distinct responses written
     */
    static long write(Path root, int sessions, int responses, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        long distinct = 0;
        for (int s = 0; s < sessions; s++) {
            String session = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", seed, s);
            StringBuilder main = new StringBuilder();
            StringBuilder resumed = new StringBuilder();
            for (int r = 0; r < responses; r++) {
                String id = "msg_" + session + "_" + r;
                String req = "req_" + session + "_" + r;
                String model = MODELS[rnd.nextInt(MODELS.length)];
                String ts = String.format(Locale.ROOT, "2025-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + s % 12,
                        1 + r % 28, r % 24, r % 60, s % 60, r % 1000);
                long in = rnd.nextInt(5000);
                long out = 1 + rnd.nextInt(3000);
                long cw = rnd.nextInt(20000);
                long cr = rnd.nextInt(100000);
                main.append(line(session, id, req, model, ts, in, 1, cw, cr, false));
                String last = line(session, id, req, model, ts, in, out, cw, cr, true);
                main.append(last);
                if (r < responses / 10) {
                    resumed.append(last);
                }
                distinct++;
            }
            String project = "-home-dev-dense-" + (s % 4);
            Path dir = Files.createDirectories(root.resolve("projects").resolve(project));
            Files.writeString(dir.resolve(session + ".jsonl"), main, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(session + "-resumed.jsonl"), resumed, StandardCharsets.UTF_8);
        }
        return distinct;
    }

    /** One compact assistant line (about 330 bytes), newline included. */
    static String line(String session, String id, String req, String model, String ts, long in, long out, long cw,
            long cr, boolean last) {
        return String.format(Locale.ROOT, "{\"type\":\"assistant\",\"sessionId\":\"%s\",\"timestamp\":\"%s\","
                + "\"requestId\":\"%s\",\"message\":{\"id\":\"%s\",\"model\":\"%s\",\"stop_reason\":%s,"
                + "\"usage\":{\"input_tokens\":%d,\"cache_creation_input_tokens\":%d,"
                + "\"cache_read_input_tokens\":%d,\"output_tokens\":%d}}}\n",
                session, ts, req, id, model, last ? "\"end_turn\"" : "null", in, cw, cr, out);
    }
}
