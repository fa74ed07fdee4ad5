package dev.cctelemetry.core.pricing;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Model prices with a lookup that tolerates the spellings Claude Code and its providers write
 * ({@code claude-opus-4.8}, {@code claude-sonnet-4-5@20250929}, {@code anthropic.claude-…-v1:0},
 * dated and undated ids). A model it cannot match has no price: the caller must not invent one.
 */
public final class PriceTable {

    private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{8}$");
    private static final Pattern BEDROCK_SUFFIX = Pattern.compile("-v\\d+(:\\d+)?$");

    private final String version;
    private final Map<String, ModelPrice> prices;
    private final Map<String, String> aliases;
    private final Map<String, Optional<ModelPrice>> lookups = new ConcurrentHashMap<>();

    /**
     * A table.
     *
     * @param version identifies the table; stored with every cost computed from it
     * @param prices by canonical model id
     * @param aliases extra spellings mapped to canonical ids
     */
    public PriceTable(String version, Map<String, ModelPrice> prices, Map<String, String> aliases) {
        this.version = Objects.requireNonNull(version, "version is null");
        this.prices = Map.copyOf(prices);
        this.aliases = Map.copyOf(aliases);
    }

    /** The table's version, e.g. {@code builtin-2026-11-25}. */
    public String version() {
        return version;
    }

    /** Number of models priced. */
    public int size() {
        return prices.size();
    }

    /** The price of a model, or empty when the table does not know it. */
    public Optional<ModelPrice> find(String model) {
        if (model == null || model.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelPrice> known = lookups.get(model); // a hit allocates nothing (computeIfAbsent takes a lambda)
        return known != null ? known : lookups.computeIfAbsent(model, this::resolve);
    }

    private Optional<ModelPrice> resolve(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        for (String candidate : candidates(m)) {
            ModelPrice p = prices.get(candidate);
            if (p == null && aliases.containsKey(candidate)) {
                p = prices.get(aliases.get(candidate));
            }
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static java.util.List<String> candidates(String m) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String s = m;
        out.add(s);
        // provider prefixes: "anthropic/claude-…", "anthropic.claude-…", "us.anthropic.claude-…"
        int slash = s.lastIndexOf('/');
        if (slash >= 0 && s.startsWith("claude-", slash + 1)) {
            s = s.substring(slash + 1);
            out.add(s);
        }
        int claude = s.indexOf("claude-");
        if (claude > 0 && s.charAt(claude - 1) == '.') {
            s = s.substring(claude);
            out.add(s);
        }
        s = BEDROCK_SUFFIX.matcher(s).replaceFirst("");
        int at = s.indexOf('@');
        if (at > 0) {
            s = s.substring(0, at);
        }
        out.add(s);
        s = s.replace('.', '-');
        out.add(s);
        String undated = DATE_SUFFIX.matcher(s).replaceFirst("");
        out.add(undated);
        return out;
    }
}
