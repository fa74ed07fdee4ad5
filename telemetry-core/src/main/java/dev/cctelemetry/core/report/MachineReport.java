package dev.cctelemetry.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cctelemetry.core.port.out.RemoteUsageRow;
import dev.cctelemetry.core.usage.UsageRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code machines} report: requests, tokens, cost, last activity and last push per machine, side by side.
 * Fed record by record (from the remote store, or from the local ledger for this machine alone), then
 * rendered as a table or JSON.
 */
public final class MachineReport {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** Columns hidden, in this order, from a table too wide for the terminal: Id, Last activity, Total Tokens. */
    private static final List<Integer> HIDDEN_FIRST = List.of(1, 5, 3);

    private final Map<String, Totals> byMachine = new LinkedHashMap<>();

    private static final class Totals {
        String name;
        long records;
        long requests;
        long tokens;
        double cost;
        Instant lastActivity;
        Instant lastPush;

        Totals(String name) {
            this.name = name;
        }
    }

    /** Lists a machine even if it owns no record yet (it pushed only records another machine's copy won). */
    public MachineReport machine(String machineId, String name, Optional<Instant> lastPush) {
        Totals t = byMachine.computeIfAbsent(machineId, id -> new Totals(name));
        if (!name.isEmpty()) {
            t.name = name;
        }
        lastPush.ifPresent(p -> t.lastPush = p);
        return this;
    }

    /** Adds one record owned by {@code machineId}. */
    public void add(String machineId, String name, UsageRecord r) {
        Totals t = byMachine.computeIfAbsent(machineId, id -> new Totals(name));
        t.records++;
        if (r.isRequest()) {
            t.requests++;
        }
        t.tokens += r.tokens().total();
        t.cost += r.costUsd();
        if (t.lastActivity == null || r.timestamp().isAfter(t.lastActivity)) {
            t.lastActivity = r.timestamp();
        }
    }

    /** Adds one record read from the remote store. */
    public void add(RemoteUsageRow row) {
        add(row.machineId(), row.machineName(), row.record());
    }

    /** The rows, by descending cost. */
    public List<MachineRow> rows() {
        List<MachineRow> out = new ArrayList<>();
        byMachine.forEach((id, t) -> out.add(new MachineRow(id, t.name, t.records, t.requests, t.tokens, t.cost,
                Optional.ofNullable(t.lastActivity), Optional.ofNullable(t.lastPush))));
        out.sort(Comparator.comparingDouble(MachineRow::costUsd).reversed().thenComparing(MachineRow::name));
        return out;
    }

    /**
     * A plain-text table with a total line, times in {@code zone}, that fits {@code width} columns: when it does
     * not, the short id goes first, then the last activity, then the token total (the name, requests, cost and
     * last push stay).
     */
    public String renderTable(String title, ZoneId zone, int width) {
        TextTable table = new TextTable(List.of(TextTable.Column.left("Machine"), TextTable.Column.left("Id"),
                TextTable.Column.right("Requests"), TextTable.Column.right("Total Tokens"),
                TextTable.Column.right("Cost (USD)"), TextTable.Column.left("Last activity"),
                TextTable.Column.left("Last push")));
        long requests = 0;
        long tokens = 0;
        double cost = 0;
        List<MachineRow> rows = rows();
        for (MachineRow m : rows) {
            table.row(m.name(), m.machineId().substring(0, 8), ReportFigures.count(m.requests()),
                    ReportFigures.count(m.tokens()), ReportFigures.money(m.costUsd()),
                    m.lastActivity().map(t -> MINUTE.format(t.atZone(zone))).orElse("-"),
                    m.lastPush().map(t -> MINUTE.format(t.atZone(zone))).orElse("never"));
            requests += m.requests();
            tokens += m.tokens();
            cost += m.costUsd();
        }
        table.rule().row("Total", "", ReportFigures.count(requests), ReportFigures.count(tokens),
                ReportFigures.money(cost), "", "");
        boolean[] keep = new boolean[7];
        Arrays.fill(keep, true);
        for (int column : HIDDEN_FIRST) {
            if (table.keeping(keep).width() <= width) {
                break;
            }
            keep[column] = false;
        }
        return title + "\n\n" + table.keeping(keep).render();
    }

    /** {@code {"machines":[{machineId, name, records, requests, totalTokens, totalCost, lastActivity, lastPush}]}}. */
    public String renderJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode arr = root.putArray("machines");
        for (MachineRow m : rows()) {
            ObjectNode n = arr.addObject();
            n.put("machineId", m.machineId());
            n.put("name", m.name());
            n.put("records", m.records());
            n.put("requests", m.requests());
            n.put("totalTokens", m.tokens());
            n.put("totalCost", m.costUsd());
            n.put("lastActivity", m.lastActivity().map(Instant::toString).orElse(null));
            n.put("lastPush", m.lastPush().map(Instant::toString).orElse(null));
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
