package dev.cctelemetry.web.testing;

import dev.cctelemetry.core.adapter.file.FileSyncLock;
import dev.cctelemetry.core.pricing.CostCalculator;
import dev.cctelemetry.core.pricing.PriceTableLoader;
import dev.cctelemetry.core.query.SyncMark;
import dev.cctelemetry.core.query.SyncTrigger;
import dev.cctelemetry.core.sync.SyncProgress;
import dev.cctelemetry.core.sync.SyncRequest;
import dev.cctelemetry.core.sync.SyncService;
import dev.cctelemetry.core.sync.SyncSummary;
import dev.cctelemetry.core.transcript.ClaudeRoot;
import dev.cctelemetry.store.sqlite.SqliteLedger;
import dev.cctelemetry.testing.RequiredInCi;
import dev.cctelemetry.web.DashboardServer;
import dev.cctelemetry.web.DashboardSettings;
import dev.cctelemetry.web.api.DataScope;
import dev.cctelemetry.web.api.HealthCheck;
import dev.cctelemetry.web.api.StandardViews;
import dev.cctelemetry.web.security.LaunchToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real dashboard over a real SQLite ledger: transcripts synced by core's sync service, the server on a free
 * loopback port, a clock fixed at a chosen instant (so date presets find the corpus's dates).
 */
public final class DashboardFixture implements AutoCloseable {

    /** The corpus's last day with usage is 2026-07-19: "today" for the tests. */
    public static final Instant NOW = Instant.parse("2026-07-19T20:00:00Z");

    private final Path ledgerFile;
    private final SqliteLedger ledger;
    private final Connection meta;
    private final DashboardServer server;
    private final List<SyncMark> syncs = new CopyOnWriteArrayList<>();
    private final URI url;
    public final Clock clock;

    private DashboardFixture(Path dir, Clock clock, InetAddress bind) throws IOException, SQLException {
        this.clock = clock;
        this.ledgerFile = dir.resolve("telemetry.db");
        var prices = new PriceTableLoader().builtin();
        this.ledger = SqliteLedger.open(ledgerFile, prices.version());
        this.meta = DriverManager.getConnection("jdbc:sqlite:" + ledgerFile);
        FixtureQueries queries = new FixtureQueries(ledger, "m-laptop", "laptop", () -> List.copyOf(syncs),
                this::changeCounter);
        List<HealthCheck> checks = List.of(new HealthCheck("ok", "Ledger", "schema 4", ""),
                new HealthCheck("warn", "Hooks", "not registered", "cc-telemetry setup-hooks"));
        this.server = new DashboardServer(new DashboardSettings(bind, 0, false,
                LaunchToken.generate(new SecureRandom()), Duration.ofMillis(100)),
                StandardViews.of(queries, new DataScope(false, "this machine (local ledger)"), () -> checks, clock,
                        List.of()), queries::changeCount);
        this.url = server.start();
    }

    /** A dashboard over the six folders of the shared corpus; skipped (failed in CI) without it. */
    public static DashboardFixture corpus(Path dir) throws Exception {
        DashboardFixture f = empty(dir);
        f.sync(corpusRoots());
        return f;
    }

    /** A dashboard over an empty ledger. */
    public static DashboardFixture empty(Path dir) throws Exception {
        return new DashboardFixture(dir, Clock.fixed(NOW, ZoneOffset.UTC), InetAddress.getLoopbackAddress());
    }

    /** A dashboard bound to {@code bind} over an empty ledger. */
    public static DashboardFixture boundTo(Path dir, InetAddress bind) throws Exception {
        return new DashboardFixture(dir, Clock.fixed(NOW, ZoneOffset.UTC), bind);
    }

    /** The corpus's Claude config folders. */
    public static List<Path> corpusRoots() throws IOException {
        Path corpus = Path.of(System.getProperty("cct.shared.dir", "../shared"), "corpus", "claude-transcripts");
        RequiredInCi.assumeAvailable(Files.isDirectory(corpus), "corpus not found at " + corpus);
        try (Stream<Path> s = Files.list(corpus)) {
            return s.filter(p -> Files.isDirectory(p.resolve("projects"))).sorted().toList();
        }
    }

    /** Syncs the folders into the ledger, as another process would (its own connection), and records it. */
    public SyncSummary sync(List<Path> roots) throws IOException, InterruptedException {
        var prices = new PriceTableLoader().builtin();
        try (SqliteLedger writer = SqliteLedger.open(ledgerFile, prices.version())) {
            SyncService sync = new SyncService(writer, new FileSyncLock(ledgerFile.resolveSibling("sync.lock")),
                    new CostCalculator(prices), System::nanoTime, 2);
            List<ClaudeRoot> claudeRoots = new ArrayList<>();
            roots.forEach(r -> claudeRoots.add(new ClaudeRoot(r)));
            SyncSummary s = sync.sync(SyncRequest.all(claudeRoots), SyncProgress.NONE);
            syncs.removeIf(m -> m.trigger() == SyncTrigger.MANUAL);
            syncs.add(new SyncMark("m-laptop", "laptop", SyncTrigger.MANUAL, Optional.of(clock.instant()),
                    Optional.empty(), ""));
            return s;
        }
    }

    /** The ledger's change counter, read as the store's adapter would. */
    public long changeCounter() {
        try (Statement s = meta.createStatement();
                ResultSet rs = s.executeQuery("SELECT value FROM ledger_meta WHERE key = 'change_seq'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger (for the CLI's own reports over the same data). */
    public SqliteLedger ledger() {
        return ledger;
    }

    /** The URL the command would print (token included). */
    public URI url() {
        return url;
    }

    /** The server's base, e.g. {@code http://127.0.0.1:41234}. */
    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The token of this launch. */
    public String token() {
        String q = url.getQuery();
        return q.substring(q.indexOf('=') + 1);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        meta.close();
        ledger.close();
    }
}
