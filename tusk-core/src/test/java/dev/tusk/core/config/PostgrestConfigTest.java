package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgREST config file plus PGRST_* variables as an ApiConfig. */
class PostgrestConfigTest {

  static final String SECRET = "reallyreallyreallyreallyverysafe";

  @TempDir Path tmp;
  Fixture f;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  PostgrestConfig load(String text) {
    f.write("postgrest.conf", text);
    return PostgrestConfig.load(Optional.of(Path.of("postgrest.conf")), env, tmp);
  }

  PostgrestConfig loadEnv() {
    return PostgrestConfig.load(Optional.empty(), env, tmp);
  }

  ConfigException fail(String text) {
    f.write("postgrest.conf", text);
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(() -> PostgrestConfig.load(Optional.of(Path.of("postgrest.conf")), env, tmp))
        .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0];
  }

  @Test
  void aFullPostgrestFileMapsOntoTheApiConfig() {
    PostgrestConfig c =
        load(
            """
            db-uri = "postgres://authenticator:mysecretpassword@localhost:5433/app"
            db-schemas = "api, private"
            db-anon-role = "web_anon"
            db-pool = 5
            db-max-rows = 1000
            db-pre-request = "auth.check_request"
            db-tx-end = "rollback-allow-override"
            db-plan-enabled = true
            db-aggregates-enabled = true
            jwt-secret = "%s"
            jwt-aud = "https://api.example.com"
            jwt-role-claim-key = ".\\"https://example.com/claims\\".role"
            server-host = "127.0.0.1"
            server-port = 3001
            server-cors-allowed-origins = "https://a.example, https://b.example"
            server-timing-enabled = true
            """
                .formatted(SECRET));

    assertThat(c.warnings()).isEmpty();
    assertThat(c.api())
        .isEqualTo(
            new ApiConfig(
                true,
                "127.0.0.1",
                3001,
                "app",
                "authenticator",
                Optional.empty(),
                Optional.of(
                    new Secret(
                        "postgres://authenticator:mysecretpassword@localhost:5433/app", "literal")),
                List.of("api", "private"),
                Optional.of("web_anon"),
                new JwtConfig(
                    Optional.of(new Secret(SECRET, "literal")),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("https://api.example.com"),
                    ".\"https://example.com/claims\".role",
                    Optional.empty(),
                    Duration.ofSeconds(30)),
                Optional.of(1000),
                Optional.of("auth.check_request"),
                TxEnd.ROLLBACK_ALLOW_OVERRIDE,
                true,
                10_485_760L,
                true,
                5,
                List.of("https://a.example", "https://b.example"),
                true));
  }

  @Test
  void postgrestsDefaultsApplyNotTusks() {
    env.put("PGRST_DB_URI", "postgres://authenticator@db/app");
    env.put("PGRST_DB_ANON_ROLE", "web_anon");

    ApiConfig api = loadEnv().api();

    assertThat(api.listen()).isEqualTo("0.0.0.0");
    assertThat(api.port()).isEqualTo(3000);
    assertThat(api.schemas()).containsExactly("public");
    assertThat(api.aggregates()).isFalse();
    assertThat(api.txEnd()).isEqualTo(TxEnd.COMMIT);
    assertThat(api.poolSize()).isEqualTo(10);
    assertThat(api.maxRows()).isEmpty();
    assertThat(api.corsOrigins()).isEmpty();
    assertThat(api.jwt().roleClaimKey()).isEqualTo(".role");
    assertThat(api.dbUri())
        .contains(new Secret("postgres://authenticator@db/app", "env:PGRST_DB_URI"));
  }

  @Test
  void theDefaultDbUriReadsTheUserFromPgUser() {
    env.put("PGRST_DB_ANON_ROLE", "web_anon");
    ConfigException e = assertFails(this::loadEnv);
    assertThat(e.getMessage())
        .startsWith("db-uri (the default) names no user, and PGUSER is not set");

    env.put("PGUSER", "authenticator");
    env.put("PGDATABASE", "app");
    ApiConfig api = loadEnv().api();
    assertThat(api.dbUri().orElseThrow().value()).isEqualTo("postgresql://");
    assertThat(api.user()).isEqualTo("authenticator");
    assertThat(api.database()).isEqualTo("app");
  }

  @Test
  void withNeitherASecretNorAnAnonymousRoleEveryRequestWouldBeRefused() {
    env.put("PGRST_DB_URI", "postgres://authenticator@db/app");

    ConfigException e = assertFails(this::loadEnv);

    assertThat(e.getMessage())
        .isEqualTo(
            "the PostgREST configuration would refuse every request: neither jwt-secret nor"
                + " db-anon-role is set");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("PGRST_DB_ANON_ROLE"));
  }

  @Test
  void variablesBeatTheFileAndAnEmptyVariableUnsetsTheKey() {
    env.put("PGRST_SERVER_PORT", "4000");
    env.put("PGRST_DB_ANON_ROLE", "");
    env.put("PGRST_JWT_SECRET", SECRET);
    env.put("PGRST_DB_SCHEMAS", "from_env");

    ApiConfig api =
        load("""
                db-uri = "postgres://a@h/d"
                server-port = 3001
                db-anon-role = "web_anon"
                db-schemas = "from_file"
                db-pool = 7
                """)
            .api();

    assertThat(api.port()).isEqualTo(4000);
    assertThat(api.anonRole()).isEmpty();
    assertThat(api.jwt().secret()).contains(new Secret(SECRET, "env:PGRST_JWT_SECRET"));
    assertThat(api.schemas()).containsExactly("from_env");
    assertThat(api.poolSize()).isEqualTo(7);
  }

  @Test
  void legacyAliasesCountOnlyWhenTheMainKeyIsUnset() {
    String base = "db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"anon\"\n";

    assertThat(load(base + "db-schema = \"old\"\nmax-rows = 5\npre-request = \"p\"\n").api())
        .satisfies(
            a -> {
              assertThat(a.schemas()).containsExactly("old");
              assertThat(a.maxRows()).contains(5);
              assertThat(a.preRequest()).contains("p");
            });
    assertThat(load(base + "role-claim-key = \".r\"\nsecret-is-base64 = true\n").api().jwt())
        .satisfies(
            j -> {
              assertThat(j.roleClaimKey()).isEqualTo(".r");
              assertThat(j.secretIsBase64()).isTrue();
            });

    PostgrestConfig both = load(base + "db-schemas = \"new\"\ndb-schema = \"old\"\n");
    assertThat(both.api().schemas()).containsExactly("new");
    assertThat(both.warnings())
        .containsExactly(
            "db-schema at postgrest.conf:4:13 is ignored because db-schemas is set at"
                + " postgrest.conf:3:14");

    env.put("PGRST_DB_SCHEMA", "env_old");
    assertThat(load(base + "db-schemas = \"new\"\n").api().schemas()).containsExactly("new");
    assertThat(load(base).api().schemas()).containsExactly("env_old");
  }

  @Test
  void atFileValuesAreReadRelativeToTheWorkingDirectory() {
    f.write("secrets/uri", "  postgres://authenticator:pw@db/app \n");
    f.write("secrets/jwt", SECRET + "\n\n");

    ApiConfig api = load("db-uri = \"@secrets/uri\"\njwt-secret = \"@./secrets/jwt\"\n").api();

    assertThat(api.dbUri())
        .contains(
            new Secret("postgres://authenticator:pw@db/app", "file:" + tmp.resolve("secrets/uri")));
    assertThat(api.jwt().secret().orElseThrow().value()).isEqualTo(SECRET + "\n");
    assertThat(api.user()).isEqualTo("authenticator");
  }

  @Test
  void aMissingAtFileNamesTheKeyAndTheFile() {
    env.put("PGRST_JWT_SECRET", "@nope/jwt");

    ConfigException e = fail("db-uri = \"postgres://a@h/d\"\n");

    assertThat(e.code()).isEqualTo("config.missing_file");
    assertThat(e.getMessage())
        .startsWith("jwt-secret: file " + tmp.resolve("nope/jwt"))
        .contains("from environment variable PGRST_JWT_SECRET");
  }

  @Test
  void serverHostsSpecialAddresses() {
    String base = "db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"anon\"\n";
    Map<String, String> want =
        Map.of(
            "!4", "0.0.0.0", "*", "::", "*4", "::", "*6", "::", "!6", "::", "10.0.0.1", "10.0.0.1");
    want.forEach(
        (host, listen) ->
            assertThat(load(base + "server-host = \"" + host + "\"\n").api().listen())
                .as(host)
                .isEqualTo(listen));
    assertThat(load(base + "server-host = \"!6\"\n").warnings())
        .singleElement()
        .asString()
        .contains("server-host \"!6\" at postgrest.conf:3:15 is served on ::");
  }

  @Test
  void booleansAsPostgrestReadsThem() {
    String base = "db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"anon\"\n";
    Map<String, Boolean> want =
        Map.of(
            "\"TRUE\"",
            true,
            "\"False\"",
            false,
            "on",
            true,
            "\"off\"",
            false,
            "\"1\"",
            true,
            "\"0\"",
            false,
            "\"7\"",
            true,
            "true",
            true);
    want.forEach(
        (text, value) ->
            assertThat(load(base + "db-plan-enabled = " + text + "\n").api().planEnabled())
                .as(text)
                .isEqualTo(value));
  }

  @Test
  void valuesPostgrestWouldQuietlyReplaceByItsDefaultAreErrors() {
    ConfigException pool =
        fail("db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"a\"\ndb-pool = \"ten\"\n");
    assertThat(pool.code()).isEqualTo("config.bad_type");
    assertThat(pool.getMessage())
        .isEqualTo("db-pool must be an integer 1-1000, got \"ten\" at postgrest.conf:3:11");

    env.put("PGRST_SERVER_PORT", "http");
    ConfigException port = fail("db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"a\"\n");
    assertThat(port.getMessage())
        .isEqualTo(
            "server-port must be an integer 1-65535, got \"http\" from environment variable"
                + " PGRST_SERVER_PORT");
    assertThat(port.hint())
        .hasValueSatisfying(h -> assertThat(h).startsWith("fix or unset the environment variable"));

    env.clear();
    ConfigException bool =
        fail("db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"a\"\ndb-plan-enabled = \"yes\"\n");
    assertThat(bool.getMessage()).startsWith("db-plan-enabled must be true or false, got \"yes\"");
  }

  @Test
  void postgrestsValueRulesApply() {
    String base = "db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"anon\"\n";
    assertThat(fail(base + "db-schemas = \"api, , b\"\n").getMessage())
        .startsWith("db-schemas must be a schema name");
    assertThat(fail(base + "db-schemas = \"api,pg_catalog\"\n").getMessage())
        .contains("does not start with pg_");
    assertThat(fail(base + "db-schemas = \"information_schema\"\n").getMessage())
        .contains("information_schema");
    assertThat(fail(base + "db-tx-end = \"abort\"\n").getMessage())
        .startsWith("db-tx-end must be one of");
    assertThat(fail(base + "jwt-aud = \"x: y\"\n").getMessage()).startsWith("jwt-aud must be");
    assertThat(fail(base + "jwt-role-claim-key = \"role\"\n").getMessage())
        .startsWith("jwt-role-claim-key must be a JSPath");
    assertThat(fail(base + "server-cors-allowed-origins = \"*\"\n").getMessage())
        .startsWith("server-cors-allowed-origins must be an origin");
    assertThat(fail(base + "db-max-rows = 0\n").getMessage())
        .startsWith("db-max-rows must be an integer");
    assertThat(fail("db-uri = \"mysql://a@h/d\"\n").getMessage())
        .startsWith("db-uri is neither a postgresql:// URI")
        .doesNotContain("mysql");
  }

  @Test
  void aShortSecretIsRefusedWithPostgrestsHintAndNotShown() {
    env.put("PGRST_JWT_SECRET", "hunter2-hunter2");

    ConfigException e = fail("db-uri = \"postgres://a@h/d\"\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "jwt-secret must be at least 32 characters long from environment variable"
                + " PGRST_JWT_SECRET");
    assertThat(e.hint())
        .hasValueSatisfying(
            h -> assertThat(h).contains("at least 32 characters").doesNotContain("hunter2"));
  }

  @Test
  void aJwkSetInJwtSecretIsAccepted() {
    String jwks = "{\\\"keys\\\": [{\\\"kty\\\": \\\"EC\\\", \\\"crv\\\": \\\"P-256\\\"}]}";

    ApiConfig api = load("db-uri = \"postgres://a@h/d\"\njwt-secret = \"" + jwks + "\"\n").api();

    assertThat(api.jwt().secret().orElseThrow().value()).startsWith("{\"keys\"");
    assertThat(api.jwt().jwksUrl()).isEqualTo(Optional.<URI>empty());
  }

  static ConfigException assertFails(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0];
  }
}
