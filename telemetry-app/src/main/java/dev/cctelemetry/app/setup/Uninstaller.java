package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.TelemetryEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cctelemetry.app.hooks.CreatedSettingsFiles;
import dev.cctelemetry.app.hooks.HookInstallation;
import dev.cctelemetry.app.hooks.McpRegistration;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.ledger.Ledgers;
import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.out.Ledger;
import dev.cctelemetry.hooks.settings.ClaudeSettingsException;
import dev.cctelemetry.hooks.settings.ClaudeSettingsLocator;
import dev.cctelemetry.hooks.settings.EditMode;
import dev.cctelemetry.hooks.settings.SettingsEditResult;
import dev.cctelemetry.hooks.settings.SettingsFileEditor;
import dev.cctelemetry.hooks.settings.SettingsScope;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * {@code uninstall}: removes our hooks from every Claude Code settings file that has them (putting back a
 * statusLine of the user's that ours replaced), our hook scripts, our MCP server's registration and the service; with purge also everything else cc-telemetry created (see {@link #purge}). What it would remove is planned
 * first, so that a person can be asked before anything changes.
 */
public final class Uninstaller {

    private final TelemetryEnvironment env;
    private final HookInstallation hooks;
    private final McpRegistration mcp;
    private final ServiceSupport service;
    private final Ledgers ledgers;
    private final Clock clock;

    @Inject
    Uninstaller(TelemetryEnvironment env, HookInstallation hooks, McpRegistration mcp, ServiceSupport service,
            Ledgers ledgers, Clock clock) {
        this.env = env;
        this.hooks = hooks;
        this.mcp = mcp;
        this.service = service;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /**
     * What an uninstall would remove.
     *
     * @param layout the install
     * @param settings settings files that exist (user and local scope)
     * @param skipped why a scope's settings file could not be located, one line each
     * @param scripts our installed hook scripts
     * @param records the ledger's records (0 without a ledger; empty when it cannot be read)
     * @param statusline whether one of {@code settings} runs our statusLine
     * @param mcpServer whether our MCP server is registered
     */
    public record Plan(InstallLayout layout, List<Path> settings, List<String> skipped, List<Path> scripts,
            OptionalLong records, boolean statusline, boolean mcpServer) {
        public Plan {
            Objects.requireNonNull(layout, "layout is null");
            settings = List.copyOf(settings);
            skipped = List.copyOf(skipped);
            scripts = List.copyOf(scripts);
            Objects.requireNonNull(records, "records is null");
        }
    }

    /** Looks at what is installed; changes nothing. */
    public Plan plan() {
        InstallLayout layout = env.layout();
        ClaudeSettingsLocator locator = new ClaudeSettingsLocator(env.env(), env.userHome(), env.workingDir());
        List<Path> settings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SettingsScope scope : SettingsScope.values()) {
            try {
                Path p = locator.locate(scope);
                if (Files.exists(p)) {
                    settings.add(p);
                }
            } catch (ClaudeSettingsException e) {
                skipped.add("Skipping " + scope.name().toLowerCase(Locale.ROOT) + " settings: " + e.getMessage());
            }
        }
        return new Plan(layout, settings, skipped, hooks.installedScripts(), records(layout),
                settings.stream().anyMatch(hooks::statuslineIsOurs), mcp.isRegistered());
    }

    /** Removes what {@code plan} lists, telling each step; with {@code purge} the data too. */
    public void apply(Plan plan, boolean purge, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        SettingsFileEditor editor = new SettingsFileEditor(clock);
        for (Path p : plan.settings()) {
            try {
                // The statusLine too: ours goes, theirs (kept when they chose to chain) comes back.
                hooks.removeStatusline(p, false, out);
                SettingsEditResult r = editor.remove(p, EditMode.APPLY);
                out.println(r.changed() ? "Removed hooks from " + p + r.backup().map(b -> " (backup " + b + ")")
                        .orElse("") : "No cc-telemetry hooks in " + p);
            } catch (ClaudeSettingsException | AppException e) {
                out.println("Could not edit " + p + ": " + e.getMessage());
            }
        }
        try {
            mcp.remove(false, out);
        } catch (AppException e) {
            out.println("Could not unregister the MCP server: " + e.getMessage());
        }
        for (Path s : plan.scripts()) {
            Files.deleteIfExists(s);
            out.println("Deleted " + s);
        }
        try {
            service.uninstall(out, err);
        } catch (AppException e) {
            // No service manager here (or no jar to describe the service): nothing was installed by us.
            out.println("Service: " + e.getMessage());
        }
        if (purge) {
            purge(plan.layout(), out);
        }
    }

    /**
     * Deletes everything cc-telemetry created (issue 19.10): settings files it created that hold nothing else now
     * (with the backups it made of them), then the ledger, config, state, spool, hooks, lib and logs, then the
     * home itself when nothing else is left in it. Anything else in the home is named and kept.
     */
    private void purge(InstallLayout layout, PrintWriter out) throws IOException {
        // Read before state/ goes: the list lives there.
        for (Path settings : new CreatedSettingsFiles(layout.createdSettings()).list()) {
            if (holdsNothing(settings)) {
                deleteWithBackups(settings);
                out.println("Deleted " + settings + " (cc-telemetry created it and it held nothing else)");
            }
        }
        List<String> failed = new ArrayList<>();
        for (Path p : layout.createdEntries()) {
            try {
                deleteTree(p);
            } catch (IOException e) {
                failed.add(p + " (" + ErrorLine.of(e) + ")");
            }
        }
        out.println("Deleted the ledger, the config, " + layout.stateDir().getFileName() + "/, "
                + layout.libDir().getFileName() + "/, " + layout.logsDir().getFileName() + "/, "
                + layout.spoolDir().getFileName() + "/ and " + layout.hooksDir().getFileName() + "/");
        if (!failed.isEmpty()) {
            out.println("Could not delete: " + String.join(", ", failed));
        }
        List<String> left;
        try (Stream<Path> s = Files.list(layout.home())) {
            left = s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException e) {
            return;
        }
        if (left.isEmpty()) {
            Files.deleteIfExists(layout.home());
            out.println("Deleted " + layout.home());
        } else {
            out.println("Kept in " + layout.home() + " (not created by cc-telemetry): " + String.join(", ", left));
        }
    }

    /** Whether a settings file is empty or {@code {}} (Claude Code reads both as no settings). */
    private static boolean holdsNothing(Path settings) {
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readAllBytes(settings));
            return n == null || n.isMissingNode() || n.isObject() && n.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes {@code settings} and the {@code <name>.cc-telemetry-backup-*} copies our edits left beside it. */
    private static void deleteWithBackups(Path settings) throws IOException {
        String prefix = settings.getFileName() + ".cc-telemetry-backup-";
        try (Stream<Path> s = Files.list(settings.toAbsolutePath().getParent())) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(settings);
    }

    private OptionalLong records(InstallLayout layout) {
        if (!Files.exists(layout.ledger())) {
            return OptionalLong.of(0);
        }
        try (Ledger ledger = ledgers.open()) {
            return OptionalLong.of(ledger.recordCount());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Deletes a file, a link or a folder with all in it (links are deleted, never followed). */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
