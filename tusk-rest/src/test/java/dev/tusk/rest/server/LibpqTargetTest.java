package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import org.junit.jupiter.api.Test;

class LibpqTargetTest {

  @Test
  void uriForm() {
    LibpqTarget t =
        LibpqTarget.parse(
            "postgres://auth%40x:p%3Ass+w@db.example.com:6543/my%20db?sslmode=verify-full&application_name=api");
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/my%20db");
    assertThat(t.properties().getProperty("user")).isEqualTo("auth@x");
    assertThat(t.properties().getProperty("password")).isEqualTo("p:ss+w");
    assertThat(t.properties().getProperty("sslmode")).isEqualTo("verify-full");
    assertThat(t.properties().getProperty("ApplicationName")).isEqualTo("api");
  }

  @Test
  void keyValueFormWithQuotes() {
    LibpqTarget t =
        LibpqTarget.parse(
            "host=127.0.0.1 port=5433 dbname=app user=authenticator password='a b\\'c'");
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/app");
    assertThat(t.properties().getProperty("password")).isEqualTo("a b'c");
  }

  @Test
  void ipv6AndDefaults() {
    assertThat(LibpqTarget.parse("postgresql://[::1]/x").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432/x");
    assertThat(LibpqTarget.parse("user=bob").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:5432/bob");
  }

  @Test
  void unsupportedOrMalformedIsNamed() {
    assertThatThrownBy(() -> LibpqTarget.parse("host=x gssencmode=require"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'gssencmode'");
    assertThatThrownBy(() -> LibpqTarget.parse("host=x password='open"))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> LibpqTarget.parse("host=x port=abc"))
        .hasMessageContaining("port 'abc'");
    assertThatThrownBy(() -> LibpqTarget.parse("postgres://a b@/"))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> LibpqTarget.parse("justtext"))
        .hasMessageContaining("expected key=value");
  }
}
