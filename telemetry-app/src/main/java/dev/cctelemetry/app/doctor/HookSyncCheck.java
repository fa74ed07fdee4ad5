package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.port.out.HookStatusStore;
import dev.cctelemetry.core.port.out.HookStatusStore.HookStatus;
import dev.cctelemetry.core.port.out.HookStatusStore.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The hooks really sync: when the last hook-triggered sync succeeded, or what the last failure said. */
public final class HookSyncCheck implements DoctorCheck {

    static final String NAME = "Hook sync active";
    /** A worker may still be settling or waiting for the lock this long after its hook fired. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private final HookStatusStore store;
    private final InstallLayout layout;
    private final boolean hooksDeclined;
    private final Clock clock;

    /**
     * A check of what the hook workers recorded in {@code store}.
     *
     * @param hooksDeclined the user declined the hooks in setup: no hook having run is then expected
     */
    public HookSyncCheck(HookStatusStore store, InstallLayout layout, boolean hooksDeclined, Clock clock) {
        this.store = store;
        this.layout = layout;
        this.hooksDeclined = hooksDeclined;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        HookStatus s = store.status();
        Instant now = clock.instant();
        String logs = "see " + layout.logsDir().resolve("hook-sync.log") + "; cc-telemetry sync catches up meanwhile";
        String lastOk = s.lastSuccess().map(o -> "last success " + Ago.since(o.at(), now)).orElse("never succeeded");
        Optional<Outcome> last = s.lastOutcome();
        if (s.lastFired().isEmpty() && last.isEmpty() && hooksDeclined) {
            return CheckResult.ok(NAME, "no hook has run (hooks declined in setup)");
        }
        if (s.lastFired().isEmpty() && last.isEmpty()) {
            return CheckResult.warn(NAME, "no hook has run yet",
                    "finish a Claude Code turn after cc-telemetry setup-hooks; then run doctor again");
        }
        if (s.lastFired().isPresent()) {
            Instant fired = s.lastFired().get().at();
            boolean noOutcomeAfter = last.isEmpty() || last.get().at().isBefore(fired);
            if (noOutcomeAfter && Duration.between(fired, now).compareTo(GRACE) > 0) {
                return CheckResult.warn(NAME, "a " + s.lastFired().get().event() + " hook fired "
                        + Ago.since(fired, now) + " but no sync followed (" + lastOk + ")", logs);
            }
        }
        if (last.isPresent() && !last.get().ok()) {
            return CheckResult.fail(NAME, "last hook sync failed " + Ago.since(last.get().at(), now) + ": "
                    + last.get().error() + " (" + lastOk + ")", logs);
        }
        if (s.lastSuccess().isEmpty()) {
            return CheckResult.warn(NAME, "a hook fired just now; its sync is still running",
                    "run cc-telemetry doctor again in a few minutes");
        }
        Outcome ok = s.lastSuccess().get();
        return CheckResult.ok(NAME, Ago.since(ok.at(), now) + " (" + ok.event() + ", " + ok.recordsAdded()
                + " new records, " + ok.elapsed().toMillis() + " ms)");
    }
}
