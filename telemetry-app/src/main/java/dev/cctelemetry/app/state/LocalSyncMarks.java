package dev.cctelemetry.app.state;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.port.out.HookStatusStore.HookStatus;
import dev.cctelemetry.core.port.out.HookStatusStore.Outcome;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.hooks.worker.FileHookStatusStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This machine's last sync by each trigger, read from the status files that hooks, the daemon, manual syncs and
 * pushes leave under {@code state/} (the ledger does not record how its records came in). What {@code status}
 * shows, as {@link SyncMark}s; a missing or damaged file is "never". The dashboard's health rows and the
 * {@code /metrics} sync gauges both read them here.
 */
public final class LocalSyncMarks {

    private final InstallLayout layout;

    /** The marks of the install at {@code layout}. */
    public LocalSyncMarks(InstallLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
    }

    /** The marks of the triggers that ever ran, in {@link SyncTrigger} order. */
    public List<SyncMark> read(String machineId, String machineName) {
        List<SyncMark> marks = new ArrayList<>();
        HookStatus hooks = new FileHookStatusStore(layout.stateDir()).status();
        if (hooks.lastSuccess().isPresent() || hooks.lastError().isPresent()) {
            marks.add(new SyncMark(machineId, machineName, SyncTrigger.HOOK, hooks.lastSuccess().map(Outcome::at),
                    hooks.lastError().map(Outcome::at), hooks.lastError().map(Outcome::error).orElse("")));
        }
        add(marks, machineId, machineName, SyncTrigger.DAEMON, layout.daemonStatus());
        add(marks, machineId, machineName, SyncTrigger.MANUAL, layout.manualSync());
        add(marks, machineId, machineName, SyncTrigger.PUSH, layout.pushStatus());
        return marks;
    }

    private static void add(List<SyncMark> marks, String machineId, String machineName, SyncTrigger trigger,
            Path file) {
        Optional<SyncOutcome> last = SyncOutcome.read(file);
        last.ifPresent(o -> marks.add(new SyncMark(machineId, machineName, trigger,
                o.ok() ? Optional.of(o.at()) : Optional.empty(), o.ok() ? Optional.empty() : Optional.of(o.at()),
                o.error())));
    }
}
