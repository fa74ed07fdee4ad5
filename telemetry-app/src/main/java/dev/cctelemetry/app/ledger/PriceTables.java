package dev.cctelemetry.app.ledger;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.pricing.PriceTable;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The price table: shipped, overlaid with {@code prices.json} in the telemetry home when present. Loaded on first
 * use (a command that prints help reads no table) and kept for the rest of the process.
 */
@jakarta.inject.Singleton
public final class PriceTables {

    private final InstallLayout layout;
    private PriceTable prices;

    @Inject
    PriceTables(InstallLayout layout) {
        this.layout = layout;
    }

    /**
     * The table.
     *
     * @throws AppException when the user's table cannot be read
     */
    public synchronized PriceTable prices() {
        if (prices == null) {
            try {
                prices = new PriceTableLoader().withOverrides(Optional.of(layout.userPrices()));
            } catch (IllegalArgumentException e) {
                throw AppException.failure(e.getMessage(), e);
            }
        }
        return prices;
    }
}
