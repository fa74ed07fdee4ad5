package dev.cctelemetry.web.api;

import dev.cctelemetry.web.DashboardRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/health}: {@code doctor}'s checks of this machine, and each machine's last sync (in remote mode
 * every machine that pushed).
 */
public final class HealthApi implements DashboardRoutes {

    private final HealthSource doctor;
    private final LastSyncCard syncs;
    private final FilterParams params;

    /**
     * @param doctor runs the checks
     * @param syncs last syncs per machine
     * @param params reads the zone
     */
    public HealthApi(HealthSource doctor, LastSyncCard syncs, FilterParams params) {
        this.doctor = Objects.requireNonNull(doctor, "doctor is null");
        this.syncs = Objects.requireNonNull(syncs, "syncs is null");
        this.params = Objects.requireNonNull(params, "params is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
    }

    private void health(Context ctx) {
        var filter = params.parse(ctx);
        List<HealthCheck> checks = doctor.checks();
        List<TableRow> rows = new ArrayList<>();
        for (HealthCheck c : checks) {
            rows.add(TableRow.builder().text(c.status()).text(c.name()).text(c.detail()).text(c.fix()).build());
        }
        ViewTable table = new ViewTable("health", List.of(TableColumn.text("Status"), TableColumn.text("Check"),
                TableColumn.text("Detail"), TableColumn.text("Fix")), rows, null, List.of());
        ApiResponses.send(ctx, new Health(checks, syncs.rows(filter.zone()), table), () -> table);
    }

    /** The Health document. */
    record Health(List<HealthCheck> checks, List<LastSyncCard.SyncRow> syncs, ViewTable table) {
    }
}
