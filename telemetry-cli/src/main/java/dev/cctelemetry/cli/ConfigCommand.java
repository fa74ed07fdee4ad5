package dev.cctelemetry.cli;

import dev.cctelemetry.app.AppException;
import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.config.Configs;
import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.app.remote.RemoteStores;
import dev.cctelemetry.app.remote.StoreUrl;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry config}: change settings in {@code config.json}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Change cc-telemetry's settings.",
        subcommands = {ConfigCommand.SetStore.class})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code config set-store URL}: test the connection, then save the store settings. */
    @Command(name = "set-store", mixinStandardHelpOptions = true,
            description = "Set the shared PostgreSQL store to push to. Tests the connection (and creates the tables)"
                    + " before saving. URL: jdbc:postgresql://host:port/db or the postgres://user@host/db string"
                    + " Supabase or Neon show. Leave the password out of the URL (other local users can read a"
                    + " command line while it runs): give it with --password-stdin or --password-env.")
    public static final class SetStore implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "URL", description = "Connection URL.")
        String url;

        @Option(names = "--user", paramLabel = "USER", description = "Database user (default: the URL's).")
        String user;

        @ArgGroup(exclusive = true)
        PasswordSource passwordSource;

        @Option(names = "--sslmode", paramLabel = "MODE",
                description = "disable, allow, prefer, require, verify-ca or verify-full (default: verify-full,"
                        + " prefer for a loopback host).")
        String sslmode;

        @Option(names = "--transaction-pooler",
                description = "The URL is a transaction-mode pooler (Supabase port 6543, PgBouncer).")
        boolean transactionPooler;

        @Option(names = "--schema", paramLabel = "NAME", hidden = true, description = "PostgreSQL schema for the tables.")
        String schema = "";

        @Mixin
        VerboseOption verbose;

        @Spec
        CommandSpec spec;

        private final Configs configs;
        private final RemoteStores stores;

        /** Where the password comes from: an environment variable read at every push, or stdin saved to the file. */
        static final class PasswordSource {
            @Option(names = "--password-env", paramLabel = "NAME",
                    description = "Read the password from this environment variable at every push.")
            String env;

            @Option(names = "--password-stdin", description = "Read the password from the first line of stdin"
                    + " and keep it in the 0600 config file.")
            boolean stdin;
        }

        /** A set-store command. */
        @Inject
        public SetStore(Configs configs, RemoteStores stores) {
            this.configs = configs;
            this.stores = stores;
        }

        @Override
        public Integer call() throws IOException {
            StoreUrl cs;
            try {
                cs = StoreUrl.parse(url);
            } catch (IllegalArgumentException e) {
                throw AppException.usage(e.getMessage());
            }
            if (cs.password().isPresent()) {
                // Issue 18.7: the seconds the connection test takes are enough for `ps` to show it.
                spec.commandLine().getErr().println("Warning: the URL holds a password, which other users of this"
                        + " machine can read in the process list while cc-telemetry runs; leave it out of the URL and"
                        + " use --password-stdin or --password-env (change it if this machine is shared).");
            }
            String dbUser = user != null ? user : cs.user().orElse("");
            if (dbUser.isEmpty()) {
                throw AppException.usage("no database user: pass --user or put it in the URL");
            }
            if (sslmode != null && !StoreUrl.isSslMode(sslmode)) {
                throw AppException.usage("unknown --sslmode '" + sslmode + "'");
            }
            Optional<String> passwordEnv = Optional.empty();
            Optional<String> password = cs.password();
            if (passwordSource != null && passwordSource.env != null) {
                passwordEnv = Optional.of(passwordSource.env);
                password = Optional.empty();
            } else if (passwordSource != null && passwordSource.stdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = Optional.ofNullable(line).map(String::strip).filter(p -> !p.isEmpty());
            }
            StoreConfig store = new StoreConfig(cs.jdbcUrl(), dbUser, password, passwordEnv,
                    Optional.ofNullable(sslmode), transactionPooler, schema);
            String where = stores.connect(store);
            configs.store().saveStore(store);
            spec.commandLine().getOut().println("Store set: " + where + " (user " + dbUser + ", password "
                    + (passwordEnv.isPresent() ? "from $" + passwordEnv.get() : password.isPresent()
                            ? "in config.json, mode 0600" : "none") + "). Run 'cc-telemetry push' to send the ledger.");
            return ExitCode.OK;
        }
    }
}
