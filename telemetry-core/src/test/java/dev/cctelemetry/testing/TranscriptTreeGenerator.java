package dev.cctelemetry.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes a realistic synthetic Claude config root, {@code <out>/projects/<encoded-project>/<session>.jsonl} plus
 * {@code <session>/subagents/agent-<id>.jsonl}, of about a target size, and returns its exact expected totals.
 * Deterministic for a seed: the same seed and size give byte-identical files.
 *
 * <p>Shape (matching the synthetic trees of USAGE-ACCOUNTING.md §9): about 1.6 KB per line, ~54 % assistant lines
 * of which ~30 % are streaming copies; tool results of 60 B–2.5 KB, 1 % of 20–200 KB and a few of 1–3 MB (in every
 * 50 MB+ file and one session in 60); session files of 100 KB–5 MB (three quarters below 800 KB), subagent files,
 * and per 250 MB of tree one file of 50 MB+ (at most three). Lines are compact JSON (<code>"usage":&#123;</code>
 * without a space), timestamps {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, versions 2.0.x–2.1.x, models from the built-in
 * price table. Nothing in a tree triggers a policy on which cc-telemetry and ccusage 20.0.24 differ (no sidechain
 * replays, no usage in progress lines, no null ids), so both must report {@link ExpectedTotals#tokens()} exactly.
 *
 * <p>Command line: {@code <out-dir> <target-megabytes> [seed]} (1 MB = 2^20 bytes). Prints the expected totals as
 * JSON on stdout and the generator's throughput on stderr.
 */
public final class TranscriptTreeGenerator {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    private static final long KB = 1L << 10;
    private static final long MB = 1L << 20;
    private static final String[] VERSIONS = {
        "2.0.14", "2.0.28", "2.0.36", "2.0.55", "2.0.65", "2.0.76",
        "2.1.1", "2.1.19", "2.1.39", "2.1.72", "2.1.81", "2.1.97", "2.1.112",
    };
    private static final String[] WORDS = {
        "api", "web", "sync", "ledger", "infra", "docs", "mobile", "billing", "search", "auth", "data", "ml",
        "cli", "core", "gateway", "portal", "agent", "tools", "site", "etl",
    };
    private static final String[] BRANCHES = {"main", "main", "main", "develop", "feature/sync", "fix/dedupe"};
    /** 2025-09-15T00:00:00Z: sessions start within the following 150 days. */
    private static final long EPOCH_START = 1_757_894_400_000L;

    private final Path root;
    private final long targetBytes;
    private final long seed;

    /**
     * A generator for one tree.
     *
     * @param root the config root to create (it gets a {@code projects/} folder)
     * @param targetBytes the approximate total size of the transcript files
     * @param seed the random seed
     */
    public TranscriptTreeGenerator(Path root, long targetBytes, long seed) {
        this.root = Objects.requireNonNull(root, "root is null");
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("targetBytes must be positive");
        }
        this.targetBytes = targetBytes;
        this.seed = seed;
    }

    /** {@code <out-dir> <target-megabytes> [seed]}: writes the tree, prints its expected totals as JSON. */
    public static void main(String[] args) throws IOException {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        if (args.length < 2 || args.length > 3) {
            stderr.println("usage: TranscriptTreeGenerator <out-dir> <target-megabytes> [seed]");
            System.exit(2);
            return;
        }
        Path out = Path.of(args[0]);
        long megabytes = Long.parseLong(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        long started = System.nanoTime();
        ExpectedTotals totals = new TranscriptTreeGenerator(out, megabytes * MB, seed).generate();
        double seconds = (System.nanoTime() - started) / 1e9;
        stdout.println(totals.toJson());
        stderr.printf(Locale.ROOT, "generated %s: %d files, %.1f MB, %d lines in %.2f s (%.0f MB/s)%n", out,
                totals.files(), totals.bytes() / (double) MB, totals.lines(), seconds,
                totals.bytes() / (double) MB / seconds);
    }

    /** Writes the tree and returns what it contains. Fails if a transcript file already exists. */
    public ExpectedTotals generate() throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        IdSource ids = new IdSource(random);
        TextPool text = new TextPool();
        ExpectedTotals totals = new ExpectedTotals(seed, targetBytes);

        int projectCount = (int) Math.max(2, Math.min(40, targetBytes / (8 * MB)));
        List<String> cwds = new ArrayList<>();
        for (int i = 0; i < projectCount; i++) {
            cwds.add("/home/dev/code/" + WORDS[random.nextInt(WORDS.length)] + "-"
                    + WORDS[random.nextInt(WORDS.length)] + "." + i);
        }
        totals.projects(projectCount);

        // One 50 MB+ session per 250 MB (at most three), so that they never crowd out the many ordinary files.
        long bigFiles = Math.min(3, targetBytes / (250 * MB));
        // Most sessions are small, a quarter are long: 100 KB–800 KB and 800 KB–5 MB (scaled down for tiny trees).
        long upper = Math.min(5 * MB, Math.max(8 * KB, targetBytes / 8));
        long middle = Math.min(800 * KB, upper / 2);
        long lower = Math.min(100 * KB, middle / 4);
        long remaining = targetBytes;
        int session = 0;
        while (remaining > 0) {
            boolean big = session < bigFiles;
            long mainBytes = big ? 50 * MB + random.nextLong(10 * MB)
                    : random.nextInt(4) == 0 ? logUniform(random, middle, upper) : logUniform(random, lower, middle);
            List<Long> agentBytes = new ArrayList<>();
            if (random.nextInt(100) < 35) {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    agentBytes.add(logUniform(random, Math.max(2 * KB, lower / 5), Math.max(4 * KB, Math.min(4 * MB, mainBytes / 4))));
                }
            }
            long planned = mainBytes + agentBytes.stream().mapToLong(Long::longValue).sum();
            if (planned > remaining && !big) {
                mainBytes = Math.max(KB, mainBytes - (planned - remaining));
            }
            remaining -= writeSession(random, ids, text, totals, cwds.get(random.nextInt(projectCount)),
                    mainBytes, agentBytes, big || random.nextInt(60) == 0);
            session++;
        }
        return totals;
    }

    private long writeSession(SplittableRandom random, IdSource ids, TextPool text, ExpectedTotals totals,
                              String cwd, long mainBytes, List<Long> agentBytes, boolean hugeResult)
            throws IOException {
        String sessionId = ids.uuid();
        String version = VERSIONS[random.nextInt(VERSIONS.length)];
        String model = UsageModels.pick(random);
        String branch = BRANCHES[random.nextInt(BRANCHES.length)];
        boolean oneHour = random.nextInt(10) < 3;
        long start = EPOCH_START + random.nextLong(150L * 86_400_000L);
        Path projectDir = root.resolve("projects").resolve(encode(cwd));
        List<String> agentIds = new ArrayList<>();
        for (int i = 0; i < agentBytes.size(); i++) {
            agentIds.add(ids.agentId());
        }
        long before = totals.bytes();
        SessionWriter.Context main = new SessionWriter.Context(sessionId, cwd, branch, version, model, false, "",
                oneHour, start, agentIds, hugeResult);
        writeFile(projectDir.resolve(sessionId + ".jsonl"), random, text, totals, main, mainBytes);
        totals.mainFile();
        Path subagents = projectDir.resolve(sessionId).resolve("subagents");
        for (int i = 0; i < agentIds.size(); i++) {
            String agentModel = random.nextBoolean() ? UsageModels.HAIKU : model;
            SessionWriter.Context agent = new SessionWriter.Context(sessionId, cwd, branch, version, agentModel,
                    true, agentIds.get(i), oneHour, start + random.nextInt(3_600_000), List.of(), false);
            writeFile(subagents.resolve("agent-" + agentIds.get(i) + ".jsonl"), random, text, totals, agent,
                    agentBytes.get(i));
            Files.writeString(subagents.resolve("agent-" + agentIds.get(i) + ".meta.json"),
                    "{\"agentType\":\"Explore\",\"description\":\"Explore the sync code\"}", StandardCharsets.UTF_8);
            totals.subagentFile();
        }
        return totals.bytes() - before;
    }

    private static void writeFile(Path file, SplittableRandom random, TextPool text, ExpectedTotals totals,
                                  SessionWriter.Context ctx, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 18)) {
            new SessionWriter(random, text, totals, out, ctx).write(bytes);
        }
    }

    /** Claude Code's project folder name: every non-alphanumeric character of the cwd becomes {@code -}. */
    static String encode(String cwd) {
        StringBuilder sb = new StringBuilder(cwd.length());
        for (int i = 0; i < cwd.length(); i++) {
            char c = cwd.charAt(i);
            sb.append(c < 128 && Character.isLetterOrDigit(c) ? c : '-');
        }
        return sb.toString();
    }

    private static long logUniform(SplittableRandom r, long min, long max) {
        if (max <= min) {
            return min;
        }
        return (long) Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min)));
    }
}
