package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.port.out.MachineIdentity;
import dev.cctelemetry.core.usage.CostSource;
import dev.cctelemetry.core.usage.TokenCounts;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Usage records and machines for tests. */
final class Records {

    static final MachineIdentity LAPTOP = new MachineIdentity("6f1c2b9e-1111-4a4a-8b8b-000000000001", "laptop", "linux");
    static final MachineIdentity DESKTOP = new MachineIdentity("6f1c2b9e-2222-4a4a-8b8b-000000000002", "desktop", "macos");

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");

    private Records() {
    }

    /** A final streaming copy of message {@code n}: its own tokens, in session {@code s<n/10>}. */
    static UsageRecord full(int n, String sourceFile) {
        return new UsageRecord(new UsageKey("msg_" + n, n % 7 == 0 ? "" : "req_" + n), "s" + (n / 10),
                "-home-u-proj", "/home/u/proj", T0.plusSeconds(60L * n), "claude-sonnet-4-5-20250929",
                new TokenCounts(10 + n, 200 + n, 1000, 0, 5000 + n), "standard", "standard", "2.0.31", false, "",
                true, "/home/u/.claude", sourceFile, 1000L * n, 0.01 + n / 1000.0, CostSource.PRICE_TABLE);
    }

    /** The placeholder streaming copy of message {@code n}: output 1, no stop reason, earlier offset. */
    static UsageRecord placeholder(int n, String sourceFile) {
        UsageRecord f = full(n, sourceFile);
        return new UsageRecord(f.key(), f.sessionId(), f.projectDir(), f.cwd(), f.timestamp(), f.model(),
                new TokenCounts(f.tokens().input(), 1, f.tokens().cacheWrite5m(), 0, f.tokens().cacheRead()),
                "", "standard", f.version(), false, "", false, f.configRoot(), sourceFile, f.sourceOffset() - 1,
                0.005, CostSource.PRICE_TABLE);
    }

    /** Full copies of messages {@code from..to} (inclusive). */
    static List<UsageRecord> fullRange(int from, int to, String sourceFile) {
        List<UsageRecord> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            out.add(full(n, sourceFile));
        }
        return out;
    }

    static long totalTokens(List<UsageRecord> records) {
        return records.stream().mapToLong(r -> r.tokens().total()).sum();
    }
}
