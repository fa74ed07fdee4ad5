package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.ConfigSnapshot;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.app.doctor.DoctorChecks;
import dev.cctelemetry.app.doctor.DoctorReport;
import dev.cctelemetry.app.doctor.StoreProbe;
import dev.cctelemetry.app.hooks.HookInstallation.ExistingStatusline;
import dev.cctelemetry.app.remote.StoreUrl;
import dev.cctelemetry.app.setup.AnswerRules;
import dev.cctelemetry.app.setup.SetupAnswers;
import dev.cctelemetry.app.setup.SetupStep;
import dev.cctelemetry.app.setup.SetupSteps;
import dev.cctelemetry.app.sync.SyncSummaryText;
import dev.cctelemetry.cli.setup.Prompter;
import dev.cctelemetry.core.error.ErrorLine;
import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.sync.SyncSummary;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cc-telemetry setup}: the first-run wizard (machine name, store, hooks, status line, MCP server, service),
 * then the install steps, a first sync, doctor's summary and a list of what was set. Safe to re-run: the machine
 * id is kept.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Set cc-telemetry up: machine name, store, hooks, status line, MCP server, service; then a"
                + " first sync and a check. Re-running is safe and keeps the machine id.")
public final class SetupCommand implements Callable<Integer> {

    @Option(names = "--non-interactive", description = "Ask nothing: take every answer from the flags.")
    boolean nonInteractive;

    @Option(names = "--machine-name", paramLabel = "NAME", description = "Machine name (default: as configured,"
            + " else the host name).")
    String machineName;

    @Option(names = "--store", paramLabel = "URL", description = "'local' (default) or a PostgreSQL URL"
            + " (jdbc:postgresql://host:5432/db); it is tested before it is saved.")
    String storeUrl;

    @Option(names = "--store-user", paramLabel = "USER", description = "Database user.")
    String storeUser;

    @Option(names = "--store-password-env", paramLabel = "VAR", description = "Read the database password from"
            + " this environment variable (the config names the variable, never the value).")
    String storePasswordEnv;

    @Option(names = "--store-password-stdin", description = "Read the database password from the first line of"
            + " standard input and keep it in the 0600 config.")
    boolean storePasswordStdin;

    @Option(names = "--hooks", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Install the Claude Code hooks (default: yes).")
    boolean hooks;

    @Option(names = "--statusline", negatable = true, description = "Show cost and plan limits in Claude Code's"
            + " status line (default: yes; a statusLine of yours is then left as it is unless"
            + " --existing-statusline chain).")
    Boolean statusline;

    @Option(names = "--existing-statusline", paramLabel = "chain|leave", description = "When you already have a"
            + " statusLine: chain (yours runs first and its output shows above ours; remove-hooks and uninstall put"
            + " yours back) or leave (yours stays as it is, ours is not set).")
    String existingStatusline;

    @Option(names = "--mcp", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Let Claude Code ask about its usage: register the MCP server (cc-telemetry mcp) as"
                    + " setup-hooks --mcp does (default: no).")
    boolean mcp;

    @Option(names = "--service", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Install the background service (default: no).")
    boolean service;

    @Option(names = "--reset-machine-id", description = "Give this machine a new id (the config was copied"
            + " from another machine).")
    boolean resetMachineId;

    @Option(names = "--no-sync", description = "Skip the first sync.")
    boolean noSync;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final Configs configs;
    private final SetupSteps steps;
    private final StoreProbe probe;
    private final DoctorChecks doctor;

    /** A setup command. */
    @Inject
    public SetupCommand(Configs configs, SetupSteps steps, StoreProbe probe, DoctorChecks doctor) {
        this.configs = configs;
        this.steps = steps;
        this.probe = probe;
        this.doctor = doctor;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ConfigSnapshot existing = configs.snapshot();
        if (existing.problem().isPresent()) {
            throw AppException.failure("config " + existing.file() + " " + existing.problem().get()
                    + "; fix or move it, then run setup again", null);
        }
        String defaultName = existing.text("machine_name").isEmpty() ? configs.hostName()
                : existing.text("machine_name");
        SetupAnswers answers;
        try {
            answers = nonInteractive ? fromFlags(defaultName, existing, in)
                    : ask(new Prompter(in, out, Optional.ofNullable(System.console())), defaultName, existing);
        } catch (Prompter.InputEndedException e) {
            throw AppException.usage(e.getMessage());
        }
        out.println();
        out.println("Setting up:");
        List<String> summary = new ArrayList<>();
        for (SetupStep step : steps.steps()) {
            String result = step.wanted(answers) ? step.apply(answers, out).summary() : step.declined();
            summary.add(String.format("  %-12s %s", step.subject(), result));
        }
        out.flush();
        if (!noSync) {
            out.println("First sync:");
            out.flush();
            SyncSummary s;
            try (TerminalProgress progress = TerminalProgress.forTerminal(false)) {
                s = steps.firstSync(progress);
            }
            out.println("  " + SyncSummaryText.summaryLine(s));
        }
        DoctorReport report = doctor.examine();
        out.println();
        out.print(report.renderText());
        out.println();
        out.println("What setup set:");
        summary.forEach(out::println);
        out.flush();
        return ExitCode.OK;
    }

    private SetupAnswers ask(Prompter p, String defaultName, ConfigSnapshot existing)
            throws IOException {
        p.say("cc-telemetry setup (Enter keeps the value in brackets)");
        String name = p.ask("Machine name", defaultName, AnswerRules::machineName);
        Optional<StoreConfig> store = Optional.empty();
        String storeDefault = existing.store().map(StoreConfig::url).map(StoreConfig::maskUrl).orElse("local");
        while (true) {
            String url = p.ask("Store: 'local', or a PostgreSQL URL", existing.store().isPresent() ? "keep" : "local",
                    s -> s.equals("keep") && existing.store().isPresent() ? Optional.empty() : AnswerRules.store(s));
            if (url.equals("keep")) {
                store = existing.store();
                p.say("  keeping " + storeDefault);
                break;
            }
            if (url.equalsIgnoreCase("local")) {
                break;
            }
            StoreUrl parsed = AnswerRules.storeUrl(url).orElseThrow();
            String jdbc = parsed.jdbcUrl();
            String user = p.ask("Database user", parsed.user().orElse(""), s -> s.isBlank()
                    ? Optional.of("the user cannot be empty") : Optional.empty());
            String pw = p.secret("Password (hidden; or $NAME to read it from that environment variable)");
            if (pw.isEmpty()) {
                pw = parsed.password().orElse("");
            }
            StoreConfig candidate = pw.startsWith("$")
                    ? new StoreConfig(jdbc, user, "", pw.substring(1), "", false)
                    : new StoreConfig(jdbc, user, pw, "", "", false);
            Optional<String> problem = test(candidate);
            if (problem.isEmpty()) {
                p.say("  connected to " + StoreConfig.maskUrl(jdbc));
                store = Optional.of(candidate);
                break;
            }
            p.say("  " + problem.get() + ". Please try again (or answer 'local').");
        }
        boolean hooksAnswer = p.confirm("Install the Claude Code hooks", true);
        boolean statuslineAnswer = p.confirm("Show cost and plan limits in Claude Code's status line", true);
        Optional<ExistingStatusline> choice = Optional.empty();
        Optional<String> theirs = statuslineAnswer ? steps.usersStatusline() : Optional.empty();
        if (theirs.isPresent()) {
            // Never replaced silently (issue 14): both answers keep theirs.
            p.say("  Claude Code already shows a status line of yours: " + theirs.get());
            choice = ExistingStatusline.named(p.ask("Keep yours and show ours after it ('chain'), or leave yours"
                    + " as it is and skip ours ('leave')", "chain", s -> ExistingStatusline.named(s).isPresent()
                    ? Optional.empty() : Optional.of("'" + s + "' is not chain or leave")));
        }
        // Default no for a new user (see README); a re-run keeps a registration made before.
        boolean mcpAnswer = p.confirm("Let Claude Code ask about its usage (MCP server)", steps.mcpRegistered());
        boolean serviceAnswer = p.confirm("Install the background service", false);
        return new SetupAnswers(name, store, hooksAnswer, serviceAnswer, resetMachineId, statuslineAnswer, choice,
                mcpAnswer);
    }

    private SetupAnswers fromFlags(String defaultName, ConfigSnapshot existing, BufferedReader in)
            throws IOException {
        String name = machineName == null ? defaultName : machineName.strip();
        AnswerRules.machineName(name).ifPresent(p -> {
            throw AppException.usage("--machine-name: " + p);
        });
        Optional<StoreConfig> store = existing.store();
        if (storeUrl != null) {
            AnswerRules.store(storeUrl).ifPresent(p -> {
                throw AppException.usage("--store: " + p);
            });
            store = Optional.empty();
            if (!storeUrl.equalsIgnoreCase("local")) {
                StoreUrl parsed = AnswerRules.storeUrl(storeUrl).orElseThrow();
                String user = storeUser != null && !storeUser.isBlank() ? storeUser : parsed.user().orElse("");
                if (user.isBlank()) {
                    throw AppException.usage("--store needs --store-user");
                }
                String pw = parsed.password().orElse("");
                if (storePasswordStdin) {
                    String line = in.readLine();
                    pw = line == null ? "" : line.strip();
                }
                if (storePasswordEnv != null) {
                    AnswerRules.envName(storePasswordEnv).ifPresent(p -> {
                        throw AppException.usage("--store-password-env: " + p);
                    });
                }
                StoreConfig candidate = new StoreConfig(parsed.jdbcUrl(), user,
                        storePasswordEnv == null ? pw : "", storePasswordEnv == null ? "" : storePasswordEnv, "", false);
                Optional<String> problem = test(candidate);
                if (problem.isPresent()) {
                    throw AppException.failure(problem.get() + "; nothing was saved", null);
                }
                store = Optional.of(candidate);
            }
        }
        boolean wantsStatusline = statusline == null || statusline;
        Optional<ExistingStatusline> choice = statuslineChoice(wantsStatusline);
        return new SetupAnswers(name, store, hooks, service, resetMachineId, wantsStatusline, choice, mcp);
    }

    /**
     * What to do with a statusLine of the user's own, from the flags, checked before anything is written. Asked for
     * explicitly ({@code --statusline}) over theirs without a choice, setup refuses as {@code setup-hooks
     * --statusline} does; by default theirs is left as it is and the step says so.
     */
    private Optional<ExistingStatusline> statuslineChoice(boolean wantsStatusline) {
        Optional<ExistingStatusline> choice = Optional.empty();
        if (existingStatusline != null) {
            if (!wantsStatusline) {
                throw AppException.usage("--existing-statusline goes with --statusline");
            }
            choice = Optional.of(ExistingStatusline.ofFlag(existingStatusline));
        }
        if (!wantsStatusline) {
            return Optional.empty();
        }
        Optional<String> theirs = steps.usersStatusline();
        if (theirs.isEmpty()) {
            return Optional.empty();
        }
        if (choice.isEmpty() && statusline != null) {
            throw ExistingStatusline.choiceMissing(theirs.get());
        }
        return Optional.of(choice.orElse(ExistingStatusline.LEAVE));
    }

    private Optional<String> test(StoreConfig candidate) {
        try {
            probe.connect(candidate);
            return Optional.empty();
        } catch (RemoteStoreException | IllegalArgumentException e) {
            return Optional.of("could not use the store: " + StoreConfig.maskUrl(ErrorLine.of(e)));
        }
    }
}
