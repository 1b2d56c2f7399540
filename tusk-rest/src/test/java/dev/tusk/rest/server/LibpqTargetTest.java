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

  @Test
  void environmentFillsWhatTheStringLeavesOutAndNeverOverridesIt() {
    java.util.Map<String, String> env =
        java.util.Map.of(
            "PGPASSWORD", "from-env",
            "PGHOST", "10.0.0.7",
            "PGPORT", "6000",
            "PGDATABASE", "envdb",
            "PGUSER", "envuser",
            "PGSSLMODE", "verify-full",
            "PGAPPNAME", "");
    LibpqTarget bare = LibpqTarget.parse("postgres://", env);
    assertThat(bare.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.7:6000/envdb");
    assertThat(bare.properties())
        .containsEntry("user", "envuser")
        .containsEntry("password", "from-env")
        .containsEntry("sslmode", "verify-full")
        .doesNotContainKey("ApplicationName"); // empty variables count as unset, as in libpq

    LibpqTarget full =
        LibpqTarget.parse("postgres://auth:pw@127.0.0.1:5433/app?sslmode=require", env);
    assertThat(full.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/app");
    assertThat(full.properties())
        .containsEntry("user", "auth")
        .containsEntry("password", "pw")
        .containsEntry("sslmode", "require");

    LibpqTarget pairs = LibpqTarget.parse("host=127.0.0.1 user=auth", env);
    assertThat(pairs.properties()).containsEntry("password", "from-env");
  }

  @Test
  void hostileEnvironmentValuesAreRefusedByName() {
    assertThatThrownBy(() -> LibpqTarget.parse("user=x", java.util.Map.of("PGPORT", "5432;x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("port '5432;x'");
    assertThatThrownBy(
            () -> LibpqTarget.parse("user=x", java.util.Map.of("PGHOST", "/var/run/postgresql")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unix-domain socket");
  }
}
