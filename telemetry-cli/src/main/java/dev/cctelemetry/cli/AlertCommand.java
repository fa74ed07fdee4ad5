package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.alert.AlertBook;
import dev.cctelemetry.app.alert.AlertChannels;
import dev.cctelemetry.app.alert.AlertSettings;
import dev.cctelemetry.app.alert.Alerts;
import dev.cctelemetry.core.alert.WebhookAddress;
import dev.cctelemetry.core.port.out.AlertChannel;
import dev.cctelemetry.core.port.out.AlertLog;
import dev.cctelemetry.core.text.TerminalText;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cc-telemetry alert set|list|test}: where budget and plan-limit alerts go, kept in {@code config.json}. */
@Command(name = "alert", mixinStandardHelpOptions = true,
        description = {"Where alerts go: budgets crossing 50, 80 and 100 %%, plan limits crossing 80 and 95 %%, checked"
                + " after every hook sync and daemon pass, each once per period.",
            "Channels: desktop notifications (on by default, where a desktop session runs) and a webhook (Slack or"
                + " Discord)."},
        subcommands = {AlertCommand.Set.class, AlertCommand.ListSettings.class, AlertCommand.Test.class})
public final class AlertCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --webhook URL} or {@code --no-webhook}. */
    static final class WebhookChoice {
        @Option(names = "--webhook", paramLabel = "URL", description = "Post alerts to this Slack or Discord webhook"
                + " URL (kept in config.json, 0600; shown masked).")
        String url;

        @Option(names = "--no-webhook", description = "Stop posting alerts to a webhook.")
        boolean none;
    }

    /** {@code alert set [--webhook URL | --no-webhook] [--desktop on|off]}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Choose the channels alerts go to.")
    public static final class Set implements Callable<Integer> {

        @ArgGroup(exclusive = true)
        WebhookChoice webhook;

        @Option(names = "--desktop", paramLabel = "on|off", description = "Desktop notifications on or off.")
        String desktop;

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final AlertBook book;
        private final AlertChannels channels;

        /** An alert set command. */
        @Inject
        public Set(AlertBook book, AlertChannels channels) {
            this.book = book;
            this.channels = channels;
        }

        @Override
        public Integer call() {
            if (webhook == null && desktop == null) {
                throw AppException.usage("say what to change: --webhook URL, --no-webhook or --desktop on|off");
            }
            AlertSettings settings = book.settings();
            if (desktop != null) {
                settings = settings.withDesktop(switch (desktop.strip().toLowerCase(Locale.ROOT)) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw AppException.usage("--desktop takes on or off");
                });
            }
            if (webhook != null) {
                try {
                    settings = settings.withWebhook(webhook.none ? Optional.empty()
                            : Optional.of(WebhookAddress.parse(webhook.url)));
                } catch (IllegalArgumentException e) {
                    throw AppException.usage(e.getMessage());
                }
            }
            book.save(settings);
            PrintWriter out = spec.commandLine().getOut();
            printSettings(out, settings, channels);
            out.println("Send a test alert with 'cc-telemetry alert test'.");
            return ExitCode.OK;
        }
    }

    /** {@code alert list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show the channels and the last alert (when, what, delivered or not, through which channel).")
    public static final class ListSettings implements Callable<Integer> {

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final AlertBook book;
        private final AlertChannels channels;
        private final Alerts alerts;

        /** An alert list command. */
        @Inject
        public ListSettings(AlertBook book, AlertChannels channels, Alerts alerts) {
            this.book = book;
            this.channels = channels;
            this.alerts = alerts;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            printSettings(out, book.settings(), channels);
            Optional<AlertLog.RaisedAlert> last = alerts.last();
            out.println("Last alert: " + last.map(a -> Alerts.line(a, ZoneId.systemDefault())).orElse("none yet"));
            return ExitCode.OK;
        }
    }

    /** {@code alert test}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send a test alert through each channel now; exit 1 when one fails or none can deliver here.")
    public static final class Test implements Callable<Integer> {

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final Alerts alerts;

        /** An alert test command. */
        @Inject
        public Test(Alerts alerts) {
            this.alerts = alerts;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Alerts.ChannelTest> results = alerts.test();
            if (results.isEmpty()) {
                out.println("No channel is on: 'cc-telemetry alert set --desktop on' or '--webhook URL'.");
                return ExitCode.FAILURE;
            }
            results.forEach(r -> out.println((r.delivered() ? "✓ " : r.tried() ? "✗ " : "- ") + r.channel() + ": "
                    + TerminalText.printable(r.result())));
            // A desktop channel with no desktop session here is skipped, as alerts skip it; a failure is not.
            boolean failed = results.stream().anyMatch(r -> r.tried() && !r.delivered());
            boolean delivered = results.stream().anyMatch(Alerts.ChannelTest::delivered);
            return delivered && !failed ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private static void printSettings(PrintWriter out, AlertSettings settings, AlertChannels channels) {
        String desktop = "off";
        if (settings.desktop()) {
            boolean here = channels.of(settings.withWebhook(Optional.empty())).stream()
                    .anyMatch(AlertChannel::available);
            desktop = "on" + (here ? "" : " (no desktop session here: nothing is shown)");
        }
        out.println("Desktop notifications: " + desktop);
        out.println("Webhook: " + settings.webhook().map(WebhookAddress::masked).orElse("none"));
    }
}
