package dev.cctelemetry.core.report;

import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Builds priced usage records for report tests: {@code aRecord().at("...").tokens(...).cost(...).build()}. */
final class RecordBuilder {

    private static final AtomicLong IDS = new AtomicLong();

    private String sessionId = "11111111-1111-4111-8111-111111111111";
    private String projectDir = "-home-user-proj";
    private String cwd = "/home/user/proj";
    private Instant timestamp = Instant.parse("2025-08-01T10:00:00Z");
    private String model = "claude-sonnet-4-20250514";
    private TokenCounts tokens = new TokenCounts(100, 50, 1000, 0, 2000);
    private String speed = "";
    private double cost = 0.01;
    private CostSource costSource = CostSource.PRICE_TABLE;

    static RecordBuilder aRecord() {
        return new RecordBuilder();
    }

    RecordBuilder at(String iso) {
        this.timestamp = Instant.parse(iso);
        return this;
    }

    RecordBuilder session(String id) {
        this.sessionId = id;
        return this;
    }

    RecordBuilder project(String dir, String workingDir) {
        this.projectDir = dir;
        this.cwd = workingDir;
        return this;
    }

    RecordBuilder model(String id) {
        this.model = id;
        return this;
    }

    RecordBuilder tokens(long input, long output, long write5m, long write1h, long read) {
        this.tokens = new TokenCounts(input, output, write5m, write1h, read);
        return this;
    }

    RecordBuilder cost(double usd) {
        this.cost = usd;
        return this;
    }

    RecordBuilder fast() {
        this.speed = "fast";
        return this;
    }

    RecordBuilder unpriced(String unknownModel) {
        this.model = unknownModel;
        this.cost = 0;
        this.costSource = CostSource.UNPRICED;
        return this;
    }

    /** A model the price table lacks, costed from Claude Code's cost-state. */
    RecordBuilder pricedByCostState(String model, double usd) {
        this.model = model;
        this.cost = usd;
        this.costSource = CostSource.COST_STATE;
        return this;
    }

    RecordBuilder synthetic() {
        this.model = UsageRecord.SYNTHETIC_MODEL;
        this.tokens = TokenCounts.ZERO;
        this.cost = 0;
        return this;
    }

    UsageRecord build() {
        long n = IDS.incrementAndGet();
        return new UsageRecord(new UsageKey("msg_" + n, "req_" + n), sessionId, projectDir, cwd, timestamp, model,
                tokens, speed, "", "2.1.0", false, "", true, "/home/user/.claude",
                "/home/user/.claude/projects/" + projectDir + "/" + sessionId + ".jsonl", n * 100, cost,
                costSource);
    }
}
