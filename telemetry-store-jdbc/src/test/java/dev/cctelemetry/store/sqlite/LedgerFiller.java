package dev.cctelemetry.store.sqlite;

import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a ledger with a generated history for benchmarks ({@code bench/report-1m.sh}): sessions of about 200
 * requests, a request every 5 to 60 seconds, spread over the year before 2025-10-01, in 40 projects, three models
 * (some fast mode), a fifth from subagents, one in a hundred a zero-token placeholder. Written through the
 * ledger's own commit, 20,000 records at a time, as syncs write them.
 *
 * <p>Usage: {@code LedgerFiller LEDGER_FILE RECORDS [SEED]}.
 */
public final class LedgerFiller {

    private static final Instant END = Instant.parse("2025-10-01T00:00:00Z");
    private static final String[] MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805",
            "claude-haiku-4-5-20251001"};

    private LedgerFiller() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long total = Long.parseLong(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        long n = 0;
        try (SqliteLedger ledger = SqliteLedger.open(file, "bench-prices")) {
            List<UsageRecord> batch = new ArrayList<>();
            while (n < total) {
                String session = new UUID(random.nextLong(), random.nextLong()).toString();
                int project = random.nextInt(40);
                String dir = "-home-dev-project" + project;
                String cwd = "/home/dev/project" + project + (random.nextInt(4) == 0 ? "/sub" : "");
                Instant t = END.minus(Duration.ofSeconds((long) (random.nextDouble() * 365 * 86_400)));
                int requests = 100 + random.nextInt(200);
                String file0 = "/home/dev/.claude/projects/" + dir + "/" + session + ".jsonl";
                for (int i = 0; i < requests && n < total; i++, n++) {
                    t = t.plusMillis(5_000 + random.nextInt(55_000));
                    boolean subagent = random.nextInt(5) == 0;
                    boolean placeholder = random.nextInt(100) == 0;
                    String model = placeholder ? UsageRecord.SYNTHETIC_MODEL : MODELS[random.nextInt(MODELS.length)];
                    TokenCounts tokens = placeholder ? TokenCounts.ZERO : new TokenCounts(random.nextInt(50),
                            random.nextInt(2_000), random.nextInt(5_000), 0, random.nextInt(80_000));
                    batch.add(new UsageRecord(new UsageKey("msg_" + n, "req_" + n), session, dir, cwd, t, model,
                            tokens, random.nextInt(20) == 0 ? "fast" : "", "standard", "2.1.0", subagent,
                            subagent ? "a" + (i % 7) : "", true, "/home/dev/.claude",
                            subagent ? file0.replace(".jsonl", "/subagents/agent-" + (i % 7) + ".jsonl") : file0,
                            i * 2_000L, placeholder ? 0 : random.nextDouble() * 0.3,
                            placeholder ? CostSource.UNPRICED : CostSource.PRICE_TABLE));
                    if (batch.size() == 20_000) {
                        ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of()));
                        batch.clear();
                    }
                }
            }
            ledger.commit(new Ledger.IngestBatch(batch, List.of(), List.of()));
        }
        System.out.println(n + " records in " + file);
    }
}
