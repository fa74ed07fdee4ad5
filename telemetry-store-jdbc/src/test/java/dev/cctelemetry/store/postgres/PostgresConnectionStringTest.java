package dev.cctelemetry.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresConnectionStringTest {

    @Test
    void aLibpqUriGivesItsUserAndPasswordApartFromTheJdbcUrl() {
        PostgresConnectionString cs = PostgresConnectionString.parse("postgres://bob:s%40cret@db.example.com:6543/app"
                + "?sslmode=require");

        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/app?sslmode=require");
        assertThat(cs.user()).hasValue("bob");
        assertThat(cs.password()).hasValue("s@cret");
        assertThat(cs.toString()).doesNotContain("s@cret");
    }

    /** Issue 18.6: the driver would read {@code bob:secret@host} as a host name and quote it in errors. */
    @Test
    void aJdbcUrlWithUserAndPasswordBeforeTheHostIsReadTheSameWay() {
        PostgresConnectionString cs = PostgresConnectionString.parse("jdbc:postgresql://bob:secret@127.0.0.1:1/db");

        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/db");
        assertThat(cs.user()).hasValue("bob");
        assertThat(cs.password()).hasValue("secret");
    }

    @Test
    void aPlainJdbcUrlIsKeptAsItIs() {
        PostgresConnectionString cs = PostgresConnectionString.parse("jdbc:postgresql://h:5432/db?sslmode=disable");

        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=disable");
        assertThat(cs.user()).isEqualTo(Optional.empty());
        assertThat(cs.password()).isEqualTo(Optional.empty());
    }

    @Test
    void errorsNeverRepeatTheInput() {
        assertThatThrownBy(() -> PostgresConnectionString.parse("mysql://bob:hunter2@h/db"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresConnectionString.parse("jdbc:postgresql://bob:hunter2@h:nope/db"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void endpointsNameHostAndPortWithoutUserInfo() {
        assertThat(PgEndpoint.parse("jdbc:postgresql://bob:secret@127.0.0.1:1/db").hostPort())
                .isEqualTo("127.0.0.1:1");
    }
}
