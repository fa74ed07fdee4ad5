package dev.cctelemetry.web.bench;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills a ledger with generated records for the dashboard's benchmark, through the ledger's own commit (as a
 * sync writes them), priced by the shipped price table: sessions of 20 to 400 requests over the year before a
 * given day, 40 projects, six models, one request in ten from a subagent.
 *
 * <p>Usage: {@code LedgerFill LEDGER RECORDS [SEED]}; prints what it wrote. The same seed gives the same ledger.
 */
public final class LedgerFill {

    private static final Instant END = Instant.parse("2026-12-07T18:00:00Z");
    private static final String[] MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805",
        "claude-haiku-4-5-20251001", "claude-sonnet-4-20250514", "claude-opus-4-5-20251101", "claude-3-5-haiku-20241022"};
    private static final int BATCH = 20_000;

    private LedgerFill() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 42);
        var prices = new PriceTableLoader().builtin();
        CostCalculator costs = new CostCalculator(prices);
        long t0 = System.nanoTime();
        long written = 0;
        int sessions = 0;
        try (SqliteLedger ledger = SqliteLedger.open(file, prices.version())) {
            List<UsageRecord> batch = new ArrayList<>(BATCH);
            while (written < records) {
                sessions++;
                String session = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", sessions,
                        random.nextLong(1L << 48));
                int project = random.nextInt(40);
                String projectDir = "-home-dev-code-project-" + project;
                String cwd = "/home/dev/code/project-" + project;
                String model = MODELS[random.nextInt(MODELS.length)];
                int length = 20 + random.nextInt(381);
                Instant t = END.minus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
                String source = "/home/dev/.claude/projects/" + projectDir + "/" + session + ".jsonl";
                for (int i = 0; i < length && written < records; i++) {
                    t = t.plusSeconds(5 + random.nextInt(120));
                    boolean sub = random.nextInt(10) == 0;
                    TokenCounts tokens = new TokenCounts(random.nextInt(5_000), random.nextInt(2_000),
                            random.nextInt(20_000), random.nextInt(4) == 0 ? random.nextInt(10_000) : 0,
                            random.nextInt(200_000));
                    written++;
                    UsageRecord r = new UsageRecord(new UsageKey("msg_" + written, "req_" + written), session,
                            projectDir, cwd, t, model, tokens, "", "standard", "2.1.0", sub,
                            sub ? "agent-" + random.nextInt(5) : "", true, "/home/dev/.claude", source,
                            i * 2_000L, 0, CostSource.UNPRICED);
                    batch.add(costs.price(r));
                    if (batch.size() == BATCH) {
                        ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of()));
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of()));
            }
        }
        System.out.printf(Locale.ROOT, "wrote %,d records in %,d sessions to %s in %.1f s%n", written, sessions, file,
                (System.nanoTime() - t0) / 1e9);
    }
}
