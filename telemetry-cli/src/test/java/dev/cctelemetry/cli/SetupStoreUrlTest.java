package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cctelemetry.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.6: {@code setup} reads a {@code postgres://user:password@host/db} URL with the same parser as
 * {@code config set-store}: the user and password come from the URL, and the password appears in no message.
 * Nothing listens on port 1, so the store is refused; the message must still name only host and port.
 */
class SetupStoreUrlTest {

    private static final String URL = "postgres://bob:s3cret-7b1e@127.0.0.1:1/usage";

    @TempDir
    Path tmp;

    @Test
    void theWizardTakesTheUrlsUserAndPasswordAndNeverPrintsThePassword() {
        Installation i = new Installation(tmp);
        String input = String.join("\n",
                "",          // machine name: keep the host name
                URL,
                "",          // database user: the URL's
                "",          // password: the URL's
                "local",     // refused (nothing listens), so the wizard asks again
                "n",         // hooks
                "n",         // status line
                "n",         // MCP server
                "") + "\n";  // service
        Installation.Result r = i.runWithInput(input, "setup", "--no-sync");
        String all = r.out() + r.err();
        assertThat(r.code()).as(all).isZero();
        assertThat(r.out()).contains("Database user [bob]").contains("127.0.0.1:1").contains("could not use the store");
        assertThat(all).doesNotContain("s3cret-7b1e");
    }

    @Test
    void nonInteractiveNamesOnlyHostAndPortWhenTheStoreIsUnreachable() {
        Installation i = new Installation(tmp);
        Installation.Result r = i.run("setup", "--non-interactive", "--store", URL, "--no-hooks", "--no-sync");
        String all = r.out() + r.err();
        assertThat(r.code()).as(all).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("127.0.0.1:1").contains("nothing was saved");
        assertThat(all).doesNotContain("s3cret-7b1e");
        assertThat(Files.exists(i.layout.config())).isFalse();
    }
}
