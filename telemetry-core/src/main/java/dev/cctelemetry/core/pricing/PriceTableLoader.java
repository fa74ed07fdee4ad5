package dev.cctelemetry.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cctelemetry.core.json.JsonTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads price tables: the one shipped as a resource, and optionally a user file of the same shape whose models
 * replace or extend the shipped ones. Prices in the file are USD per million tokens; missing cache prices
 * follow Anthropic's multipliers (5m write 1.25x, 1h write 2x, read 0.1x input).
 */
public final class PriceTableLoader {

    private static final String BUILTIN = "/dev/cctelemetry/core/pricing/prices.json";
    private static final double PER_MILLION = 1_000_000.0;

    /** The table shipped with cc-telemetry. */
    public PriceTable builtin() {
        Map<String, ModelPrice> prices = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        String version = addAll(readBuiltin(), prices, aliases);
        return new PriceTable(version, prices, aliases);
    }

    /**
     * The shipped table overlaid with a user file, when it exists: its models replace or extend the shipped
     * ones.
     *
     * @param userFile e.g. {@code ~/.claude-telemetry/prices.json}
     * @throws IllegalArgumentException when the user file is not a valid price table
     */
    public PriceTable withOverrides(Optional<Path> userFile) {
        if (userFile.isEmpty() || !Files.isRegularFile(userFile.get())) {
            return builtin();
        }
        Path file = userFile.get();
        Map<String, ModelPrice> prices = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        String version = addAll(readBuiltin(), prices, aliases);
        try {
            String userVersion = addAll(JsonTreeReader.read(file), prices, aliases);
            return new PriceTable(version + "+" + userVersion, prices, aliases);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("price file " + file + " is not a valid price table: "
                    + e.getMessage(), e);
        }
    }

    private JsonNode readBuiltin() {
        try (InputStream in = PriceTableLoader.class.getResourceAsStream(BUILTIN)) {
            if (in == null) {
                throw new IllegalStateException("price table resource missing: " + BUILTIN);
            }
            return JsonTreeReader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a table's models and aliases to the maps and returns its version. */
    private static String addAll(JsonNode root, Map<String, ModelPrice> prices, Map<String, String> aliases) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a price table is a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : root.path("models").properties()) {
            prices.put(e.getKey().toLowerCase(java.util.Locale.ROOT), modelPrice(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonNode> e : root.path("aliases").properties()) {
            aliases.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText());
        }
        return text(root, "version", "user");
    }

    private static ModelPrice modelPrice(String model, JsonNode n) {
        Rates base = rates(model, n);
        Optional<Rates> above = n.hasNonNull("above200k") ? Optional.of(rates(model, n.get("above200k")))
                : Optional.empty();
        double fast = n.path("fastMultiplier").asDouble(1.0);
        return new ModelPrice(model, base, above, fast, text(n, "source", ""));
    }

    private static Rates rates(String model, JsonNode n) {
        if (!n.path("input").isNumber() || !n.path("output").isNumber()) {
            throw new IllegalArgumentException("model " + model + " needs numeric input and output prices");
        }
        double in = n.get("input").asDouble();
        double out = n.get("output").asDouble();
        double w5 = n.path("cacheWrite5m").asDouble(in * 1.25);
        double w1 = n.path("cacheWrite1h").asDouble(in * 2);
        double rd = n.path("cacheRead").asDouble(in * 0.1);
        return new Rates(in / PER_MILLION, out / PER_MILLION, w5 / PER_MILLION, w1 / PER_MILLION, rd / PER_MILLION);
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : fallback;
    }
}
