package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void toStringNeverShowsThePassword() {
        PostgresSettings settings = PostgresSettings.of("jdbc:postgresql://db.example.com/cct", "cct", "s3cr3t!");

        assertThat(settings.toString()).doesNotContain("s3cr3t!").contains("password=***");
    }

    @Test
    void aNonPostgresUrlIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> PostgresSettings.of("postgres://u:s3cr3t@h/db", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void schemaNamesMustBePlainIdentifiers() {
        PostgresSettings settings = PostgresSettings.of("jdbc:postgresql://h/db", "u", "p");

        assertThat(settings.withSchema("cc_telemetry").schema()).isEqualTo("cc_telemetry");
        assertThatThrownBy(() -> settings.withSchema("x; DROP TABLE t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sslModeCodesMatchTheDriver() {
        assertThat(PostgresSettings.SslMode.VERIFY_FULL.code()).isEqualTo("verify-full");
        assertThat(PostgresSettings.SslMode.ofCode("verify-ca")).isEqualTo(PostgresSettings.SslMode.VERIFY_CA);
    }

    @Test
    void endpointsKnowTheirHostPortAndWhetherTheyAreLoopback() {
        PgEndpoint local = PgEndpoint.parse("jdbc:postgresql://127.0.0.1:55432/cct");
        PgEndpoint localhost = PgEndpoint.parse("jdbc:postgresql://localhost/cct");
        PgEndpoint remote = PgEndpoint.parse("jdbc:postgresql://db.abc.supabase.co:6543/postgres?sslmode=require");
        PgEndpoint multi = PgEndpoint.parse("jdbc:postgresql://127.0.0.1:5432,db.example.com:5433/cct");

        assertThat(local.hostPort()).isEqualTo("127.0.0.1:55432");
        assertThat(local.loopback()).isTrue();
        assertThat(localhost.hostPort()).isEqualTo("localhost:5432");
        assertThat(localhost.loopback()).isTrue();
        assertThat(remote.hostPort()).isEqualTo("db.abc.supabase.co:6543");
        assertThat(remote.loopback()).isFalse();
        assertThat(remote.urlSets(org.postgresql.PGProperty.SSL_MODE)).isTrue();
        assertThat(multi.hostPort()).isEqualTo("127.0.0.1:5432,db.example.com:5433");
        assertThat(multi.loopback()).isFalse();
    }
}
