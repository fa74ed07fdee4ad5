package dev.cctelemetry.app.limits;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cctelemetry.core.json.JsonDocumentWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.core.limits.LimitPeriod;
import dev.cctelemetry.core.limits.LimitWindow;
import dev.cctelemetry.core.limits.PlanLimitReading;
import dev.cctelemetry.core.port.out.PlanLimitSink;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.UsageSink;
import dev.cctelemetry.core.text.TerminalText;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code report limits}: the plan-limit history of this machine (its ledger) or of every machine (the shared
 * store), per window: the current level and time to reset, the pace ("at this rate the 7-day window reaches 100 % on
 * Thu 14:00"), how often a window was full, and every period with its peak. Also what {@code check}, the dashboard
 * and the MCP server read ({@link #local}, {@link #remote}).
 */
public final class LimitsReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Ledgers ledgers;
    private final RemoteStores stores;
    private final Configs configs;
    private final Clock clock;
    private final JsonDocumentWriter writer = new JsonDocumentWriter(true);

    @Inject
    LimitsReport(Ledgers ledgers, RemoteStores stores, Configs configs, Clock clock) {
        this.ledgers = ledgers;
        this.stores = stores;
        this.configs = configs;
        this.clock = clock;
    }

    /** This machine's windows, by window order. */
    public List<WindowHistory> local() {
        List<PlanLimitReading> readings = ledgers.withLimitsAndAlerts((limits, alerts) -> limits.readings(
                Optional.empty()));
        return histories(configs.load().machineName(), readings, clock.instant());
    }

    /**
     * Every machine's windows (or one machine's, by name or id), by machine then window.
     *
     * @throws AppException when no store is configured or it cannot be read
     */
    public List<WindowHistory> remote(Optional<String> machine) {
        UsageSink sink = stores.open().orElseThrow(() -> AppException.failure(
                "no remote store configured: run 'cc-telemetry config set-store URL' first", null));
        try (sink) {
            if (!(sink instanceof PlanLimitSink limits)) {
                throw AppException.failure("the shared store keeps no plan-limit history", null);
            }
            Map<String, List<PlanLimitReading>> byMachine = new TreeMap<>();
            for (PlanLimitSink.MachineReading r : limits.remoteReadings(Optional.empty(), machine)) {
                byMachine.computeIfAbsent(r.machineName(), k -> new ArrayList<>()).add(r.reading());
            }
            Instant now = clock.instant();
            List<WindowHistory> out = new ArrayList<>();
            byMachine.forEach((name, readings) -> out.addAll(histories(name, readings, now)));
            return out;
        } catch (RemoteStoreException | UncheckedIOException e) {
            throw AppException.failure(e.getMessage(), e);
        }
    }

    private static List<WindowHistory> histories(String machine, List<PlanLimitReading> readings, Instant now) {
        TreeSet<LimitWindow> windows = new TreeSet<>();
        readings.forEach(r -> windows.add(r.window()));
        return windows.stream().map(w -> WindowHistory.of(machine, w, readings, now)).toList();
    }

    /** The report as text, times in {@code zone}; {@code scope} names where it came from. */
    public String text(List<WindowHistory> windows, ZoneId zone, String scope) {
        Instant now = clock.instant();
        StringBuilder s = new StringBuilder("Plan limits: ").append(scope).append('\n');
        if (windows.isEmpty()) {
            return s.append("No plan-limit readings yet. They come from Claude Code's status line in subscription"
                    + " sessions: run 'cc-telemetry setup-hooks --statusline'.\n").toString();
        }
        for (WindowHistory w : windows) {
            s.append('\n').append(TerminalText.printable(w.window().label())).append(" window (")
                    .append(TerminalText.printable(w.window().key())).append("), ")
                    .append(TerminalText.printable(w.machine())).append('\n');
            if (w.current().isPresent()) {
                PlanLimitReading r = w.current().get();
                s.append("  now      ").append(percent(r.usedPercentage())).append(" (seen ")
                        .append(when(r.seenAt(), zone)).append("), resets ").append(when(r.resetsAt(), zone))
                        .append(" (in ").append(duration(w.resetsIn(now).orElseThrow())).append(")\n");
            } else {
                s.append("  now      no reading in the running period\n");
            }
            w.pace().ifPresent(p -> s.append("  pace     at this rate the ").append(w.window().label())
                    .append(" window ").append(p.reachesFullAt().map(t -> "reaches 100 % on " + when(t, zone))
                            .orElseGet(() -> "stands at " + percent(p.atReset().orElseThrow()) + " when it resets"))
                    .append('\n'));
            s.append("  full     ").append(w.timesFull() == 0 ? "never reached 100 %"
                    : "reached 100 % in " + w.timesFull() + " of " + w.periods().size() + " periods").append('\n');
            s.append("  periods  (reset, peak, first time at 100 %, readings)\n");
            for (LimitPeriod p : w.periods()) {
                s.append(String.format(Locale.ROOT, "           %-18s %7s  %-18s %d%n", when(p.latest().resetsAt(), zone),
                        percent(p.peak()), p.reachedFullAt().map(t -> when(t, zone)).orElse("-"),
                        p.readings().size()));
            }
        }
        return s.toString();
    }

    /** The report as JSON: {@code {"windows":[…]}} with every period and reading. */
    public String json(List<WindowHistory> windows) {
        Instant now = clock.instant();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode out = root.putArray("windows");
        for (WindowHistory w : windows) {
            ObjectNode o = out.addObject();
            o.put("machine", w.machine());
            o.put("window", w.window().key());
            o.put("label", w.window().label());
            if (w.current().isPresent()) {
                PlanLimitReading r = w.current().get();
                ObjectNode c = o.putObject("current");
                c.put("usedPercentage", r.usedPercentage());
                c.put("resetsAt", r.resetsAt().toString());
                c.put("seenAt", r.seenAt().toString());
                c.put("resetsInSeconds", w.resetsIn(now).orElseThrow().toSeconds());
            } else {
                o.putNull("current");
            }
            if (w.pace().isPresent()) {
                ObjectNode p = o.putObject("pace");
                w.pace().get().reachesFullAt().ifPresentOrElse(t -> p.put("reachesFullAt", t.toString()),
                        () -> p.putNull("reachesFullAt"));
                w.pace().get().atReset().ifPresentOrElse(v -> p.put("atReset", v), () -> p.putNull("atReset"));
            } else {
                o.putNull("pace");
            }
            o.put("timesFull", w.timesFull());
            ArrayNode periods = o.putArray("periods");
            for (LimitPeriod p : w.periods()) {
                ObjectNode po = periods.addObject();
                po.put("resetsAt", p.latest().resetsAt().toString());
                po.put("peak", p.peak());
                p.reachedFullAt().ifPresentOrElse(t -> po.put("reachedFullAt", t.toString()),
                        () -> po.putNull("reachedFullAt"));
                ArrayNode rs = po.putArray("readings");
                for (PlanLimitReading r : p.readings()) {
                    ObjectNode ro = rs.addObject();
                    ro.put("seenAt", r.seenAt().toString());
                    ro.put("usedPercentage", r.usedPercentage());
                    ro.put("resetsAt", r.resetsAt().toString());
                    ro.put("sessionId", r.sessionId());
                }
            }
        }
        try {
            return writer.text(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of plain values always serializes
        }
    }

    static String percent(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }

    private static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }

    /** {@code 3h 10m}, {@code 2d 4h}, {@code 12m}. */
    static String duration(Duration d) {
        long m = Math.max(0, d.toMinutes());
        if (m >= 24 * 60) {
            return m / (24 * 60) + "d " + m % (24 * 60) / 60 + "h";
        }
        return m >= 60 ? m / 60 + "h " + m % 60 + "m" : m + "m";
    }

}
