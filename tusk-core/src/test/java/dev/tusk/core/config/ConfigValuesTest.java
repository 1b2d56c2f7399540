package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scalar keys of cluster, postgres and admin: what is accepted, what is refused and how. */
class ConfigValuesTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  /** section, key, value as written in YAML, expected code, expected message. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "postgres",
            "port",
            "99999",
            "config.bad_value",
            "postgres.port must be an integer 1-65535, got \"99999\" at tusk.yaml:2:9"),
        Arguments.of(
            "postgres",
            "port",
            "5432.5",
            "config.bad_type",
            "postgres.port must be an integer 1-65535, got \"5432.5\" at tusk.yaml:2:9"),
        Arguments.of(
            "postgres",
            "port",
            "\"abc\"",
            "config.bad_type",
            "postgres.port must be an integer 1-65535, got \"abc\" at tusk.yaml:2:9"),
        Arguments.of("postgres", "port", "0", "config.bad_value", "got \"0\""),
        Arguments.of("postgres", "port", "-5432", "config.bad_value", "got \"-5432\""),
        Arguments.of("postgres", "port", "0x1538", "config.bad_type", "got \"0x1538\""),
        Arguments.of(
            "postgres",
            "port",
            "123456789012345678901234567890",
            "config.bad_value",
            "must be an integer 1-65535"),
        Arguments.of(
            "postgres",
            "port",
            "",
            "config.bad_type",
            "postgres.port must be an integer 1-65535, got null at tusk.yaml:2:8"),
        Arguments.of(
            "postgres",
            "port",
            "[5432]",
            "config.bad_type",
            "postgres.port must be a single value, got a list at tusk.yaml:2:9"),
        Arguments.of(
            "postgres",
            "port",
            "{ a: 1 }",
            "config.bad_type",
            "postgres.port must be a single value, got a mapping at tusk.yaml:2:9"),
        Arguments.of("postgres", "port", "true", "config.bad_type", "got \"true\""),
        Arguments.of("postgres", "version", "12", "config.bad_value", "an integer 13-18"),
        Arguments.of("postgres", "version", "19", "config.bad_value", "an integer 13-18"),
        Arguments.of("postgres", "version", "latest", "config.bad_type", "got \"latest\""),
        Arguments.of("postgres", "listen", "\"127.0.0.1, ::1\"", "config.bad_value", "no spaces"),
        Arguments.of("postgres", "listen", "\"'*'\"", "config.bad_value", "postgres.listen"),
        Arguments.of("postgres", "listen", "\"a,,b\"", "config.bad_value", "postgres.listen"),
        Arguments.of("postgres", "listen", "\"a,\"", "config.bad_value", "postgres.listen"),
        Arguments.of("postgres", "listen", "\"\"", "config.bad_value", "postgres.listen"),
        Arguments.of("postgres", "os_user", "Root!", "config.bad_value", "postgres.os_user"),
        Arguments.of("postgres", "superuser", "pg_admin", "config.bad_value", "pg_ (reserved)"),
        Arguments.of("postgres", "superuser", "public", "config.bad_value", "reserved"),
        Arguments.of("postgres", "bin_dir", "\"\"", "config.bad_value", "a file system path"),
        Arguments.of("postgres", "data_dir", "\"\\0x\"", "config.bad_value", "file system path"),
        Arguments.of("cluster", "name", "DB-App", "config.bad_value", "cluster.name must be"),
        Arguments.of("cluster", "name", "1db", "config.bad_value", "starting with a letter"),
        Arguments.of("cluster", "name", "a".repeat(64), "config.bad_value", "at most 63"),
        Arguments.of("cluster", "name", "\"db_app\"", "config.bad_value", "cluster.name"),
        Arguments.of("cluster", "home", "", "config.bad_type", "cluster.home must be a file"),
        Arguments.of("admin", "enabled", "yes", "config.bad_type", "true or false, got \"yes\""),
        Arguments.of("admin", "enabled", "1", "config.bad_type", "true or false"),
        Arguments.of("admin", "listen", "\"*\"", "config.bad_value", "0.0.0.0 or ::"),
        Arguments.of("admin", "listen", "a,b", "config.bad_value", "one host name"),
        Arguments.of("admin", "port", "65536", "config.bad_value", "admin.port"),
        Arguments.of("admin", "port", "5432", "config.bad_value", "is also postgres.port"));
  }

  @ParameterizedTest(name = "{0}.{1}: {2}")
  @MethodSource("refused")
  void refusesBadValues(String section, String key, String value, String code, String message) {
    ConfigException e = f.fail(yaml(section + ":", "  " + key + ": " + value));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
    assertThat(e.exitCode()).isEqualTo(2);
  }

  static Stream<Arguments> accepted() {
    Function<TuskConfig, Object> port = c -> c.postgres().port();
    Function<TuskConfig, Object> listen = c -> c.postgres().listen();
    return Stream.of(
        Arguments.of("postgres", "port", "5433", port, 5433),
        Arguments.of("postgres", "port", "\"5433\"", port, 5433),
        Arguments.of("postgres", "port", "1", port, 1),
        Arguments.of("postgres", "port", "65535", port, 65535),
        Arguments.of(
            "postgres",
            "version",
            "16",
            (Function<TuskConfig, Object>) c -> c.postgres().version(),
            16),
        Arguments.of("postgres", "listen", "\"*\"", listen, "*"),
        Arguments.of(
            "postgres", "listen", "\"127.0.0.1,::1,db.local\"", listen, "127.0.0.1,::1,db.local"),
        Arguments.of("postgres", "listen", "fe80::1%eth0", listen, "fe80::1%eth0"),
        Arguments.of(
            "postgres",
            "bin_dir",
            "/usr/lib/postgresql/18/bin",
            (Function<TuskConfig, Object>) c -> c.postgres().binDir().orElseThrow(),
            Path.of("/usr/lib/postgresql/18/bin")),
        Arguments.of(
            "postgres",
            "bin_dir",
            "null",
            (Function<TuskConfig, Object>) c -> c.postgres().binDir().isPresent(),
            false),
        Arguments.of(
            "postgres",
            "superuser",
            "\"Admin User\"",
            (Function<TuskConfig, Object>) c -> c.postgres().superuser(),
            "Admin User"),
        Arguments.of(
            "postgres",
            "os_user",
            "tusk-pg",
            (Function<TuskConfig, Object>) c -> c.postgres().osUser(),
            "tusk-pg"),
        Arguments.of(
            "cluster",
            "name",
            "db-shop-prod",
            (Function<TuskConfig, Object>) c -> c.cluster().name(),
            "db-shop-prod"),
        Arguments.of(
            "admin",
            "enabled",
            "FALSE",
            (Function<TuskConfig, Object>) c -> c.admin().enabled(),
            false),
        Arguments.of(
            "admin",
            "listen",
            "\"::\"",
            (Function<TuskConfig, Object>) c -> c.admin().listen(),
            "::"),
        Arguments.of(
            "admin", "port", "9000", (Function<TuskConfig, Object>) c -> c.admin().port(), 9000));
  }

  @ParameterizedTest(name = "{0}.{1}: {2}")
  @MethodSource("accepted")
  void acceptsGoodValues(
      String section, String key, String value, Function<TuskConfig, Object> get, Object want) {
    TuskConfig c = f.load(yaml(section + ":", "  " + key + ": " + value));

    assertThat(get.apply(c)).isEqualTo(want);
  }

  @Test
  void aDisabledAdminServerMayShareThePortNumber() {
    TuskConfig c = f.load(yaml("admin: { enabled: false, port: 5432 }"));

    assertThat(c.admin()).isEqualTo(new AdminConfig(false, "127.0.0.1", 5432));
  }

  @Test
  void literalSuperuserPasswordIsASecretWithLiteralSource() {
    TuskConfig c = f.load(yaml("postgres:", "  superuser_password: \"hunter2\""));

    assertThat(c.postgres().superuserPassword()).contains(new Secret("hunter2", "literal"));
    assertThat(c.postgres().toString()).doesNotContain("hunter2");
  }

  @Test
  void anEmptyPasswordIsRefusedWithoutEchoingAnything() {
    ConfigException e = f.fail(yaml("postgres:", "  superuser_password: \"\""));

    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage())
        .startsWith("postgres.superuser_password is empty")
        .contains("tusk.yaml:2:23");
  }

  @Test
  void aPasswordWithNulIsRefusedWithoutEchoingIt() {
    ConfigException e = f.fail(yaml("postgres:", "  superuser_password: \"xqz\\0wvy\""));

    assertThat(e.getMessage()).contains("NUL").doesNotContain("xqz").doesNotContain("wvy");
  }
}
