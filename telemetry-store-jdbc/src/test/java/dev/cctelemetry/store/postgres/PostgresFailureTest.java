package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.RemoteStoreException.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresFailureTest {

    private static final String WRONG_PASSWORD = "Wr0ng-p4ssw0rd-do-not-print";

    @Test
    void aWrongPasswordFailsAsAuthenticationWithoutShowingThePassword() {
        TestPostgres pg = TestPostgres.schemaOrSkip();
        try (pg; PostgresUsageSink sink = new PostgresUsageSink(
                PostgresSettings.of(TestPostgres.URL, TestPostgres.USER, WRONG_PASSWORD).withSchema(pg.schema))) {

            RemoteStoreException e = catchThrowableOfType(RemoteStoreException.class,
                    () -> sink.push(Records.LAPTOP, List.of(Records.full(1, "/f"))));

            assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(e.getMessage()).contains("authentication failed").contains("127.0.0.1:")
                    .doesNotContain(WRONG_PASSWORD).doesNotContain("\n");
            assertThat(stackTraceOf(e)).doesNotContain(WRONG_PASSWORD);
        }
    }

    @Test
    void aClosedPortFailsAsUnreachableNamingHostAndPort() throws IOException {
        int port = closedPort();
        PostgresSettings settings = PostgresSettings.of("jdbc:postgresql://127.0.0.1:" + port + "/cct", "cct",
                "secret-xyz").withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
        try (PostgresUsageSink sink = new PostgresUsageSink(settings)) {

            RemoteStoreException e = catchThrowableOfType(RemoteStoreException.class, sink::open);

            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(e.reason().isTransient()).isTrue();
            assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("unreachable")
                    .doesNotContain("secret-xyz").doesNotContain("\n");
        }
    }

    /** Issue 18.6: a password written into the URL itself never shows in the message, whatever was typed. */
    @Test
    void aPasswordInsideTheUrlNeverReachesTheMessage() throws IOException {
        int port = closedPort();
        for (String url : List.of("jdbc:postgresql://bob:s3cret-in-url@127.0.0.1:" + port + "/db",
                "jdbc:postgresql://127.0.0.1:" + port + "/db?user=bob&password=s3cret-in-url")) {
            PostgresSettings settings = PostgresSettings.of(url, "bob", "typed-other")
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
            try (PostgresUsageSink sink = new PostgresUsageSink(settings)) {
                RemoteStoreException e = catchThrowableOfType(RemoteStoreException.class, sink::open);

                assertThat(e.getMessage()).as(url).startsWith("PostgreSQL at 127.0.0.1:" + port + ": ")
                        .doesNotContain("s3cret-in-url").doesNotContain("typed-other");
                assertThat(stackTraceOf(e)).doesNotContain("s3cret-in-url");
            }
        }
    }

    @Test
    void aServerWithoutTlsFailsAsTlsWhenTlsIsRequired() {
        TestPostgres pg = TestPostgres.schemaOrSkip();
        try (pg; PostgresUsageSink sink = new PostgresUsageSink(
                pg.settings().withSslMode(PostgresSettings.SslMode.VERIFY_FULL))) {

            RemoteStoreException e = catchThrowableOfType(RemoteStoreException.class, sink::open);

            // The test cluster runs without TLS; a server that has it would connect instead.
            assertThat(e.reason()).isEqualTo(Reason.TLS);
            assertThat(e.getMessage()).contains("TLS").contains("127.0.0.1:")
                    .doesNotContain(TestPostgres.PASSWORD);
        }
    }

    @Test
    void aStatementBlockedPastTheTimeoutFailsAsTimeoutAndTheNextPushSucceeds() throws Exception {
        TestPostgres pg = TestPostgres.schemaOrSkip();
        try (pg; PostgresUsageSink sink = new PostgresUsageSink(
                pg.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
            sink.open();
            RemoteStoreException e;
            try (Connection blocker = pg.connect(); Statement st = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                st.execute("LOCK TABLE usage_events IN ACCESS EXCLUSIVE MODE");

                e = catchThrowableOfType(RemoteStoreException.class,
                        () -> sink.push(Records.LAPTOP, List.of(Records.full(1, "/f"))));

                blocker.rollback();
            }
            sink.push(Records.LAPTOP, List.of(Records.full(1, "/f")));

            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("timed out").contains("127.0.0.1:");
            assertThat(pg.number("SELECT count(*) FROM usage_events")).isEqualTo(1);
        }
    }

    @Test
    void anUnparsableUrlIsAConfigurationErrorThatDoesNotEchoTheUrl() {
        PostgresSettings settings = PostgresSettings.of("jdbc:postgresql://h:notaport/db?password=hunter2", "u", "p");

        RemoteStoreException e = catchThrowableOfType(RemoteStoreException.class, () -> new PostgresUsageSink(settings));

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String stackTraceOf(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
