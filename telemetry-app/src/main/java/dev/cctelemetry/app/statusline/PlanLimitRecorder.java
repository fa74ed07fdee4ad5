package dev.cctelemetry.app.statusline;

import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.core.io.AtomicFile;
import dev.cctelemetry.core.limits.LimitLevel;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import dev.cctelemetry.store.sqlite.SqliteNativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records the plan-limit levels a status line payload shows into the ledger's history ({@link
 * dev.cctelemetry.core.port.out.PlanLimitLog}), opening SQLite only when they differ from the levels this machine
 * recorded last. Those are kept in {@link InstallLayout#statuslineLimits()} (one line per window: key, percentage,
 * reset in epoch seconds), so the usual run, where nothing moved, costs one small file read.
 *
 * <p>The file is only a shortcut: the ledger decides what is a change ({@code recordChanges} compares under its
 * write lock), so a lost or stale file costs one needless open, never a missing or doubled reading.
 */
public final class PlanLimitRecorder {

    private final InstallLayout layout;
    private final Clock clock;

    /**
     * @param layout where the ledger and the last levels are
     * @param clock the time a reading is seen at
     */
    public PlanLimitRecorder(InstallLayout layout, Clock clock) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * Records {@code levels} seen by {@code sessionId}'s status line when they changed. Nothing is recorded before
     * cc-telemetry's state folder exists (not set up here).
     *
     * @return whether the ledger was written to
     * @throws RuntimeException when the ledger cannot be written (the caller, a status line, swallows it)
     */
    public boolean record(List<LimitLevel> levels, Optional<String> sessionId) throws IOException {
        if (levels.isEmpty() || !Files.isDirectory(layout.stateDir())) {
            return false;
        }
        if (sameLevels(lastRecorded(), levels)) {
            return false;
        }
        Instant now = clock.instant();
        List<PlanLimitReading> readings = levels.stream()
                .map(l -> new PlanLimitReading(l, now, sessionId.orElse(""))).toList();
        SqliteNativeLibrary.useFolder(layout.nativeLibDir());
        // The price version is only stored with usage records, which this never writes.
        try (SqliteLedger ledger = SqliteLedger.open(layout.ledger(), "", clock)) {
            ledger.planLimitLog().recordChanges(readings);
        }
        AtomicFile.write(layout.statuslineLimits(), encode(levels).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private List<LimitLevel> lastRecorded() {
        try {
            return decode(Files.readString(layout.statuslineLimits(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean sameLevels(List<LimitLevel> a, List<LimitLevel> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (LimitLevel x : b) {
            if (a.stream().noneMatch(x::sameAs)) {
                return false;
            }
        }
        return true;
    }

    static String encode(List<LimitLevel> levels) {
        StringBuilder s = new StringBuilder();
        for (LimitLevel l : levels) {
            s.append(l.window().key()).append(' ').append(l.usedPercentage()).append(' ')
                    .append(l.resetsAt().getEpochSecond()).append('\n');
        }
        return s.toString();
    }

    static List<LimitLevel> decode(String text) {
        List<LimitLevel> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 3) {
                out.add(new LimitLevel(new LimitWindow(f[0]), Double.parseDouble(f[1]),
                        Instant.ofEpochSecond(Long.parseLong(f[2]))));
            }
        }
        return out;
    }
}
