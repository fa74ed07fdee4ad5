package dev.cctelemetry.app.doctor;

import dev.cctelemetry.core.error.ErrorLine;

import dev.cctelemetry.app.config.ConfigSnapshot;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.state.JsonStatusFile;
import dev.cctelemetry.app.state.SyncOutcome;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import java.time.Clock;
import java.util.Optional;

/**
 * The remote store, when one is configured: reachable and accepting our login (connecting also migrates its
 * schema), and what the last push left pending ({@code state/push-status.json}, when present).
 */
public final class RemoteStoreCheck implements DoctorCheck {

    static final String NAME = "Remote store";

    private final InstallLayout layout;
    private final StoreProbe probe;
    private final Clock clock;

    /** A check of the store configured under {@code layout}, connecting through {@code probe}. */
    public RemoteStoreCheck(InstallLayout layout, StoreProbe probe, Clock clock) {
        this.layout = layout;
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        ConfigSnapshot c = ConfigSnapshot.read(layout.config());
        Optional<StoreConfig> store = c.store();
        if (store.isEmpty() && c.localOnly()) {
            return CheckResult.ok(NAME, "none: local ledger only (chosen in setup)");
        }
        if (store.isEmpty()) {
            return CheckResult.warn(NAME, "not set up: records stay in the local ledger",
                    "cc-telemetry setup (store step) to push to PostgreSQL");
        }
        StoreConfig s = store.get();
        if (!s.passwordEnv().isEmpty() && s.resolvePassword(probe.environment()).isEmpty()) {
            return CheckResult.fail(NAME, "$" + s.passwordEnv() + " (the store password) is not set here",
                    "export " + s.passwordEnv() + "=... in the environment hooks and the service run with");
        }
        try {
            probe.connect(s);
        } catch (RemoteStoreException | IllegalArgumentException e) {
            return CheckResult.fail(NAME, StoreConfig.maskUrl(ErrorLine.of(e)),
                    "check the store settings in " + layout.config() + ", or run cc-telemetry setup");
        }
        String pending = JsonStatusFile.read(layout.pushStatus())
                .flatMap(n -> JsonStatusFile.text(n, "pending", "pending_records"))
                .map(p -> ", " + p + " records not yet pushed").orElse("");
        String lastPush = SyncOutcome.read(layout.pushStatus())
                .map(o -> ", last push " + Ago.since(o.at(), clock.instant()) + (o.ok() ? "" : " failed: " + o.error()))
                .orElse("");
        return CheckResult.ok(NAME, "reachable: " + StoreConfig.maskUrl(s.url()) + pending + lastPush);
    }
}
