package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void severalHostsBecomePgjdbcsSeveralHostsWithLibpqsPortRules() {
    assertThat(LibpqTarget.parse("postgres://h1:5432,h2:5433,[::1]/app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h1:5432,h2:5433,[::1]:5432/app");
    assertThat(LibpqTarget.parse("host=h1,::1 port=6000 dbname=app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h1:6000,[::1]:6000/app");
    assertThat(LibpqTarget.parse("host=h1,,h3 port=1,,3 dbname=app").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h1:1,localhost:5432,h3:3/app");
    assertThatThrownBy(() -> LibpqTarget.parse("host=a,b,c port=1,2"))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("rest.db_uri_port"))
        .hasMessageContaining("2 ports for 3 hosts");
  }

  /** Strings java.net.URI read differently from libpq (and from the config check) before. */
  @Test
  void theUriIsReadAsLibpqAndTheConfigCheckReadIt() {
    assertThat(LibpqTarget.parse("postgres://u@h/d?application_name=a+b").properties())
        .containsEntry("ApplicationName", "a+b");
    assertThat(LibpqTarget.parse("postgres://u@h/d?ssl=true").properties())
        .containsEntry("sslmode", "require");
    assertThat(LibpqTarget.parse("postgres://u@h/").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/u");
    assertThat(LibpqTarget.parse("host='' user=bob dbname=''").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:5432/bob");
    assertThat(LibpqTarget.parse("postgres://u@%2Fnot-a-socket%2F/d?host=db.example.com").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:5432/d");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://u:hunter2@ss@h/d         | rest.db_uri_syntax | has an '@' after its user name",
        "postgres://u:hunter2@h:0/d          | rest.db_uri_port   | port that is not a number",
        "postgres://u:hunter2@h/d?sslmode    | rest.db_uri_syntax | not key=value",
        "postgres://u:hunter2@h/d?a=hunter2=x | rest.db_uri_syntax | second '='",
        "postgres://u:hunter2%ff@h/d         | rest.db_uri_syntax | not UTF-8",
        "postgres://u:hunter2%zz@h/d         | rest.db_uri_syntax | two hex digits",
        "postgres://u:hunter2@[::1/d         | rest.db_uri_syntax | closing ']'",
        "postgres://u:hunter2@h/d?ssl=false  | rest.db_uri_parameter | 'ssl'",
        "host=h password=hunter2 hunter2     | rest.db_uri_syntax | missing its '='",
        "hunter2                             | rest.db_uri_syntax | expected key=value",
        "host=hunter2?sslmode=disable        | rest.db_uri_host   | not a host name",
        "host=@hunter2                       | rest.db_uri_socket | Unix-domain socket",
      })
  void malformedStringsAreRefusedWithoutTheirPassword(String conninfo, String code, String what) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> LibpqTarget.parse(conninfo));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(what);
    if (!code.equals("rest.db_uri_socket")) {
      assertThat(e.getMessage()).doesNotContain("hunter2");
    }
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).doesNotContain("hunter2"));
  }

  @Test
  void anEmptyUserOrDatabaseIsFilledFromTheEnvironmentAsTheConfigCheckFillsIt() {
    LibpqTarget t =
        LibpqTarget.parse(
            "host=h user='' dbname=''", java.util.Map.of("PGUSER", "api", "PGDATABASE", "app"));

    assertThat(t.properties()).containsEntry("user", "api");
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/app");
    assertThat(
            LibpqTarget.parse("postgres://h/?user=", java.util.Map.of("PGUSER", "api")).jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/api");
  }

  @Test
  void anEnvironmentHostMustBeAHostToo() {
    assertThatThrownBy(
            () -> LibpqTarget.parse("user=x", java.util.Map.of("PGHOST", "h/evil?ssl=false")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("rest.db_uri_host"));
    assertThat(
            LibpqTarget.parse("user=x", java.util.Map.of("PGGSSENCMODE", "require")).properties())
        .doesNotContainKey("gssencmode"); // a variable for a keyword Tusk refuses is not read
  }
}
