package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code TUSK_<SECTION>_<KEY>} overrides, derived from the {@link ConfigOption} registry. */
class EnvOverrideTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  /** {@code yaml} is the file to load, or null to load without one. */
  record Case(
      ConfigOption option,
      Map<String, String> env,
      Function<TuskConfig, Object> get,
      Object want,
      String yaml) {

    Case(
        ConfigOption option,
        Map<String, String> env,
        Function<TuskConfig, Object> get,
        Object want) {
      this(option, env, get, want, null);
    }
  }

  static final Map<String, String> ANON = Map.of("TUSK_API_ANON_ROLE", "api_anonymous");
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  static ApiConfig api(TuskConfig c) {
    return c.api().orElseThrow();
  }

  static MigrationsConfig migrations(TuskConfig c) {
    return c.migrations().orElseThrow();
  }

  static final Path CERTS = Path.of("/etc/tusk/certs");

  static Stream<Case> cases() {
    String files = "files";
    return Stream.of(
        new Case(ConfigOption.CLUSTER_NAME, Map.of(), c -> c.cluster().name(), "db-env-test"),
        new Case(ConfigOption.CLUSTER_HOME, Map.of(), c -> c.home(), Path.of("/srv/env-home")),
        new Case(ConfigOption.POSTGRES_VERSION, Map.of(), c -> c.postgres().version(), 17),
        new Case(
            ConfigOption.POSTGRES_BIN_DIR,
            Map.of(),
            c -> c.postgres().binDir(),
            Optional.of(Path.of("/usr/lib/postgresql/17/bin"))),
        new Case(
            ConfigOption.POSTGRES_DATA_DIR,
            Map.of(),
            c -> c.postgres().dataDir(),
            Path.of("/data/pg")),
        new Case(ConfigOption.POSTGRES_LISTEN, Map.of(), c -> c.postgres().listen(), "*"),
        new Case(ConfigOption.POSTGRES_PORT, Map.of(), c -> c.postgres().port(), 6543),
        new Case(ConfigOption.POSTGRES_OS_USER, Map.of(), c -> c.postgres().osUser(), "pgrun"),
        new Case(
            ConfigOption.POSTGRES_SUPERUSER, Map.of(), c -> c.postgres().superuser(), "root_db"),
        new Case(
            ConfigOption.POSTGRES_SUPERUSER_PASSWORD,
            Map.of(),
            c -> c.postgres().superuserPassword(),
            Optional.of(new Secret("pw-from-env", "env:TUSK_POSTGRES_SUPERUSER_PASSWORD"))),
        new Case(
            ConfigOption.POSTGRES_TLS_MODE, Map.of(), c -> c.postgres().tls().mode(), TlsMode.OFF),
        new Case(
            ConfigOption.POSTGRES_TLS_DIR,
            Map.of("TUSK_POSTGRES_TLS_MODE", files),
            c -> c.postgres().tls().keyFile(),
            Optional.of(CERTS.resolve("privkey.pem"))),
        new Case(
            ConfigOption.POSTGRES_TLS_CERT_FILE,
            Map.of("TUSK_POSTGRES_TLS_MODE", files, "TUSK_POSTGRES_TLS_KEY_FILE", "/k.pem"),
            c -> c.postgres().tls().certFile(),
            Optional.of(Path.of("/c.pem"))),
        new Case(
            ConfigOption.POSTGRES_TLS_KEY_FILE,
            Map.of("TUSK_POSTGRES_TLS_MODE", files, "TUSK_POSTGRES_TLS_CERT_FILE", "/c.pem"),
            c -> c.postgres().tls().keyFile(),
            Optional.of(Path.of("/k.pem"))),
        new Case(
            ConfigOption.POSTGRES_TLS_CA_FILE,
            Map.of(
                "TUSK_POSTGRES_TLS_MODE",
                files,
                "TUSK_POSTGRES_TLS_CERT_FILE",
                "/c.pem",
                "TUSK_POSTGRES_TLS_KEY_FILE",
                "/k.pem"),
            c -> c.postgres().tls().caFile(),
            Optional.of(Path.of("/ca.pem"))),
        new Case(ConfigOption.ADMIN_ENABLED, Map.of(), c -> c.admin().enabled(), false),
        new Case(ConfigOption.ADMIN_LISTEN, Map.of(), c -> c.admin().listen(), "0.0.0.0"),
        new Case(ConfigOption.ADMIN_PORT, Map.of(), c -> c.admin().port(), 9999),
        new Case(ConfigOption.API_ENABLED, Map.of(), c -> api(c).enabled(), false),
        new Case(ConfigOption.API_LISTEN, ANON, c -> api(c).listen(), "0.0.0.0"),
        new Case(ConfigOption.API_PORT, ANON, c -> api(c).port(), 3001),
        new Case(ConfigOption.API_DATABASE, ANON, c -> api(c).database(), "postgres"),
        new Case(
            ConfigOption.API_USER,
            Map.of("TUSK_API_JWT_SECRET", SECRET),
            c -> api(c).user(),
            "app_owner"),
        new Case(
            ConfigOption.API_PASSWORD,
            ANON,
            c -> api(c).password(),
            Optional.of(new Secret("pw-from-env", "env:TUSK_API_PASSWORD")),
            yaml(
                "roles:",
                "  - { name: api_anonymous }",
                "  - { name: authenticator, login: true, password: pw-from-env,"
                    + " member_of: [api_anonymous] }",
                "databases: [{ name: app }]")),
        new Case(
            ConfigOption.API_DB_URI,
            ANON,
            c -> api(c).dbUri().map(Secret::source).orElseThrow() + " " + api(c).database(),
            "env:TUSK_API_DB_URI shop"),
        new Case(
            ConfigOption.API_ANON_ROLE,
            Map.of(),
            c -> api(c).anonRole(),
            Optional.of("api_anonymous")),
        new Case(ConfigOption.API_MAX_ROWS, ANON, c -> api(c).maxRows(), Optional.of(1000)),
        new Case(
            ConfigOption.API_PRE_REQUEST,
            ANON,
            c -> api(c).preRequest(),
            Optional.of("api.check_request")),
        new Case(ConfigOption.API_TX_END, ANON, c -> api(c).txEnd(), TxEnd.ROLLBACK_ALLOW_OVERRIDE),
        new Case(ConfigOption.API_AGGREGATES, ANON, c -> api(c).aggregates(), false),
        new Case(ConfigOption.API_MAX_BODY_BYTES, ANON, c -> api(c).maxBodyBytes(), 1024L),
        new Case(ConfigOption.API_PLAN_ENABLED, ANON, c -> api(c).planEnabled(), true),
        new Case(ConfigOption.API_POOL_SIZE, ANON, c -> api(c).poolSize(), 20),
        new Case(ConfigOption.API_SERVER_TIMING, ANON, c -> api(c).serverTiming(), true),
        new Case(
            ConfigOption.API_JWT_SECRET,
            Map.of(),
            c -> api(c).jwt().secret(),
            Optional.of(new Secret(SECRET, "env:TUSK_API_JWT_SECRET"))),
        new Case(
            ConfigOption.API_JWT_SECRET_IS_BASE64,
            Map.of("TUSK_API_JWT_SECRET", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
            c -> api(c).jwt().secretIsBase64(),
            true),
        new Case(
            ConfigOption.API_JWT_JWKS_FILE,
            Map.of(),
            c -> api(c).jwt().jwksFile(),
            Optional.of(Path.of("/etc/tusk/jwks.json"))),
        new Case(
            ConfigOption.API_JWT_JWKS_URL,
            Map.of(),
            c -> api(c).jwt().jwksUrl().map(Object::toString),
            Optional.of("https://auth.example.com/.well-known/jwks.json")),
        new Case(
            ConfigOption.API_JWT_AUDIENCE,
            ANON,
            c -> api(c).jwt().audience(),
            Optional.of("https://api.example.com")),
        new Case(
            ConfigOption.API_JWT_ROLE_CLAIM_KEY,
            ANON,
            c -> api(c).jwt().roleClaimKey(),
            ".realm_access.roles[0]"),
        new Case(
            ConfigOption.API_JWT_COOKIE,
            ANON,
            c -> api(c).jwt().cookieName(),
            Optional.of("session")),
        new Case(
            ConfigOption.API_JWT_CLOCK_SKEW_SECONDS,
            ANON,
            c -> api(c).jwt().clockSkew(),
            Duration.ZERO),
        new Case(
            ConfigOption.MIGRATIONS_DIR,
            Map.of(),
            c -> migrations(c).dir(),
            Path.of("/srv/migrations")),
        new Case(
            ConfigOption.MIGRATIONS_DATABASE,
            Map.of(),
            c -> migrations(c).database() + " " + migrations(c).asRole(),
            "postgres postgres"),
        new Case(
            ConfigOption.MIGRATIONS_AUTO_APPLY, Map.of(), c -> migrations(c).autoApply(), false),
        new Case(
            ConfigOption.MIGRATIONS_ALLOW_OUT_OF_ORDER,
            Map.of(),
            c -> migrations(c).allowOutOfOrder(),
            true),
        new Case(
            ConfigOption.MIGRATIONS_TENANT_DIR,
            Map.of(),
            c -> migrations(c).tenantDir(),
            Optional.of(Path.of("/srv/tenant-migrations"))),
        new Case(
            ConfigOption.MIGRATIONS_AS_ROLE, Map.of(), c -> migrations(c).asRole(), "api_user"));
  }

  static final Map<ConfigOption, String> VALUES =
      Map.ofEntries(
          Map.entry(ConfigOption.CLUSTER_NAME, "db-env-test"),
          Map.entry(ConfigOption.CLUSTER_HOME, "/srv/env-home"),
          Map.entry(ConfigOption.POSTGRES_VERSION, "17"),
          Map.entry(ConfigOption.POSTGRES_BIN_DIR, "/usr/lib/postgresql/17/bin"),
          Map.entry(ConfigOption.POSTGRES_DATA_DIR, "/data/pg"),
          Map.entry(ConfigOption.POSTGRES_LISTEN, "*"),
          Map.entry(ConfigOption.POSTGRES_PORT, "6543"),
          Map.entry(ConfigOption.POSTGRES_OS_USER, "pgrun"),
          Map.entry(ConfigOption.POSTGRES_SUPERUSER, "root_db"),
          Map.entry(ConfigOption.POSTGRES_SUPERUSER_PASSWORD, "pw-from-env"),
          Map.entry(ConfigOption.POSTGRES_TLS_MODE, "OFF"),
          Map.entry(ConfigOption.POSTGRES_TLS_DIR, CERTS.toString()),
          Map.entry(ConfigOption.POSTGRES_TLS_CERT_FILE, "/c.pem"),
          Map.entry(ConfigOption.POSTGRES_TLS_KEY_FILE, "/k.pem"),
          Map.entry(ConfigOption.POSTGRES_TLS_CA_FILE, "/ca.pem"),
          Map.entry(ConfigOption.ADMIN_ENABLED, "false"),
          Map.entry(ConfigOption.ADMIN_LISTEN, "0.0.0.0"),
          Map.entry(ConfigOption.ADMIN_PORT, "9999"),
          Map.entry(ConfigOption.API_ENABLED, "false"),
          Map.entry(ConfigOption.API_LISTEN, "0.0.0.0"),
          Map.entry(ConfigOption.API_PORT, "3001"),
          Map.entry(ConfigOption.API_DATABASE, "postgres"),
          Map.entry(ConfigOption.API_USER, "app_owner"),
          Map.entry(ConfigOption.API_PASSWORD, "pw-from-env"),
          Map.entry(ConfigOption.API_DB_URI, "postgres://authenticator:pw@db.example.com/shop"),
          Map.entry(ConfigOption.API_ANON_ROLE, "api_anonymous"),
          Map.entry(ConfigOption.API_MAX_ROWS, "1000"),
          Map.entry(ConfigOption.API_PRE_REQUEST, "api.check_request"),
          Map.entry(ConfigOption.API_TX_END, "rollback-allow-override"),
          Map.entry(ConfigOption.API_AGGREGATES, "false"),
          Map.entry(ConfigOption.API_MAX_BODY_BYTES, "1024"),
          Map.entry(ConfigOption.API_PLAN_ENABLED, "true"),
          Map.entry(ConfigOption.API_POOL_SIZE, "20"),
          Map.entry(ConfigOption.API_SERVER_TIMING, "true"),
          Map.entry(ConfigOption.API_JWT_SECRET, SECRET),
          Map.entry(ConfigOption.API_JWT_SECRET_IS_BASE64, "true"),
          Map.entry(ConfigOption.API_JWT_JWKS_FILE, "/etc/tusk/jwks.json"),
          Map.entry(
              ConfigOption.API_JWT_JWKS_URL, "https://auth.example.com/.well-known/jwks.json"),
          Map.entry(ConfigOption.API_JWT_AUDIENCE, "https://api.example.com"),
          Map.entry(ConfigOption.API_JWT_ROLE_CLAIM_KEY, ".realm_access.roles[0]"),
          Map.entry(ConfigOption.API_JWT_COOKIE, "session"),
          Map.entry(ConfigOption.API_JWT_CLOCK_SKEW_SECONDS, "0"),
          Map.entry(ConfigOption.MIGRATIONS_DIR, "/srv/migrations"),
          Map.entry(ConfigOption.MIGRATIONS_DATABASE, "postgres"),
          Map.entry(ConfigOption.MIGRATIONS_AUTO_APPLY, "false"),
          Map.entry(ConfigOption.MIGRATIONS_ALLOW_OUT_OF_ORDER, "true"),
          Map.entry(ConfigOption.MIGRATIONS_TENANT_DIR, "/srv/tenant-migrations"),
          Map.entry(ConfigOption.MIGRATIONS_AS_ROLE, "api_user"));

  @Test
  void everyOptionHasAnOverrideCase() {
    Set<ConfigOption> covered =
        cases()
            .map(Case::option)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConfigOption.class)));

    assertThat(covered).containsExactlyInAnyOrder(ConfigOption.values());
    assertThat(VALUES.keySet()).containsExactlyInAnyOrder(ConfigOption.values());
  }

  static Stream<Arguments> overrideCases() {
    return cases().map(c -> Arguments.of(c.option().envName(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrideCases")
  void theVariableOverridesTheDefault(String name, Case c) {
    c.env().forEach(f::env);
    f.env(name, VALUES.get(c.option()));

    TuskConfig loaded = c.yaml() == null ? f.loadNoFile() : f.load(c.yaml());
    assertThat(c.get().apply(loaded)).isEqualTo(c.want());
  }

  @Test
  void envNamesAreDerivedFromKeyPathsAndUnique() {
    assertThat(ConfigOption.POSTGRES_PORT.envName()).isEqualTo("TUSK_POSTGRES_PORT");
    assertThat(ConfigOption.POSTGRES_DATA_DIR.envName()).isEqualTo("TUSK_POSTGRES_DATA_DIR");
    assertThat(ConfigOption.POSTGRES_TLS_MODE.envName()).isEqualTo("TUSK_POSTGRES_TLS_MODE");
    assertThat(ConfigOption.ADMIN_PORT.envName()).isEqualTo("TUSK_ADMIN_PORT");
    assertThat(ConfigOption.CLUSTER_NAME.envName()).isEqualTo("TUSK_CLUSTER_NAME");
    assertThat(ConfigOption.API_JWT_SECRET.envName()).isEqualTo("TUSK_API_JWT_SECRET");
    assertThat(ConfigOption.API_JWT_SECRET.section()).isEqualTo("api.jwt");
    assertThat(Arrays.stream(ConfigOption.values()).map(ConfigOption::envName).distinct())
        .hasSize(ConfigOption.values().length);
    for (ConfigOption o : ConfigOption.values()) {
      assertThat(o.envName()).isEqualTo("TUSK_" + o.key().replace('.', '_').toUpperCase());
      assertThat(o.description()).isNotBlank();
      assertThat(ConfigOption.in(o.section())).contains(o);
    }
  }

  @Test
  void theVariableBeatsTheFile() {
    f.env("TUSK_POSTGRES_PORT", "7000").env("TUSK_CLUSTER_NAME", "db-from-env");

    TuskConfig c = f.load(yaml("cluster: { name: db-from-file }", "postgres: { port: 6000 }"));

    assertThat(c.postgres().port()).isEqualTo(7000);
    assertThat(c.cluster().name()).isEqualTo("db-from-env");
  }

  @Test
  void aRelativePathFromTheEnvironmentResolvesAgainstTheWorkingDirectory() {
    f.env("TUSK_POSTGRES_DATA_DIR", "state/pg");
    f.write("conf/tusk.yaml", yaml("cluster: { home: data }"));

    TuskConfig c = f.loader().load(Optional.of(Path.of("conf/tusk.yaml")));

    assertThat(c.home()).isEqualTo(tmp.resolve("conf/data"));
    assertThat(c.postgres().dataDir()).isEqualTo(tmp.resolve("state/pg"));
  }

  @Test
  void theHomeOverrideMovesTheDefaultDataDir() {
    f.env("TUSK_CLUSTER_HOME", "/srv/x");

    assertThat(f.loadNoFile().postgres().dataDir()).isEqualTo(Path.of("/srv/x/pgdata"));
  }

  @Test
  void anEmptyVariableClearsANullableKey() {
    f.env("TUSK_POSTGRES_BIN_DIR", "");

    TuskConfig c = f.load(yaml("postgres: { bin_dir: /usr/bin }"));

    assertThat(c.postgres().binDir()).isEmpty();
  }

  @Test
  void variableValuesAreTakenLiterally() {
    f.env("TUSK_POSTGRES_SUPERUSER_PASSWORD", "${env:OTHER}");

    assertThat(f.loadNoFile().postgres().superuserPassword().orElseThrow().value())
        .isEqualTo("${env:OTHER}");
  }

  static Stream<Arguments> badVariables() {
    return Stream.of(
        Arguments.of(
            "TUSK_POSTGRES_PORT",
            "abc",
            "config.bad_type",
            "postgres.port must be an integer 1-65535, got \"abc\" from environment variable"
                + " TUSK_POSTGRES_PORT"),
        Arguments.of("TUSK_POSTGRES_PORT", "70000", "config.bad_value", "TUSK_POSTGRES_PORT"),
        Arguments.of("TUSK_POSTGRES_PORT", "", "config.bad_type", "TUSK_POSTGRES_PORT"),
        Arguments.of("TUSK_ADMIN_ENABLED", "maybe", "config.bad_type", "TUSK_ADMIN_ENABLED"),
        Arguments.of(
            "TUSK_POSTGRES_TLS_MODE",
            "on",
            "config.bad_value",
            "postgres.tls.mode must be one of auto | files | off, got \"on\" from environment"
                + " variable TUSK_POSTGRES_TLS_MODE"),
        Arguments.of("TUSK_CLUSTER_NAME", "Bad Name", "config.bad_value", "TUSK_CLUSTER_NAME"),
        Arguments.of("TUSK_POSTGRES_LISTEN", "a b", "config.bad_value", "TUSK_POSTGRES_LISTEN"),
        Arguments.of("TUSK_ADMIN_PORT", "5432", "config.bad_value", "TUSK_ADMIN_PORT"),
        Arguments.of(
            "TUSK_POSTGRES_TLS_CERT_FILE",
            "/c.pem",
            "config.bad_value",
            "TUSK_POSTGRES_TLS_CERT_FILE"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badVariables")
  void aBadVariableIsAnErrorNamingIt(String name, String value, String code, String message) {
    f.env(name, value);

    ConfigException e = f.failLoading(Optional.empty());

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains(name));
  }
}
