package dev.cctelemetry.core.report;

import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.core.transcript.TranscriptDiscovery;
import dev.cctelemetry.core.transcript.TranscriptFile;
import dev.cctelemetry.core.transcript.TranscriptReader;
import dev.cctelemetry.core.usage.LineOrigin;
import dev.cctelemetry.core.usage.ParsedLine;
import dev.cctelemetry.core.usage.TranscriptLineParser;
import dev.cctelemetry.core.usage.UsageKey;
import dev.cctelemetry.core.usage.UsageRecord;
import dev.cctelemetry.core.usage.WinnerRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a corpus folder the way a full sync would, into deduplicated priced records, without a ledger. */
final class CorpusRecords {

    private CorpusRecords() {
    }

    static List<UsageRecord> read(Path configRoot) throws IOException {
        TranscriptDiscovery.Result found = new TranscriptDiscovery().discover(List.of(new ClaudeRoot(configRoot)));
        TranscriptReader reader = new TranscriptReader();
        TranscriptLineParser parser = new TranscriptLineParser();
        CostCalculator pricing = new CostCalculator(new PriceTableLoader().builtin());
        Map<UsageKey, UsageRecord> byKey = new LinkedHashMap<>();
        for (TranscriptFile f : found.files()) {
            LineOrigin origin = f.origin();
            reader.read(f.path(), 0, (buf, off, len, at) -> {
                if (parser.parse(buf, off, len, origin, at) instanceof ParsedLine.Usage u) {
                    byKey.merge(u.record().key(), pricing.price(u.record()), WinnerRule::winner);
                }
            });
        }
        return List.copyOf(byKey.values());
    }
}
