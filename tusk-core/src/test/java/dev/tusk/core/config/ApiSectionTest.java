package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code api} section: when there is an API, its defaults, and how it follows the rest of
 * tusk.yaml. The rules table is in {@link ApiRulesTest}.
 */
class ApiSectionTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  private ApiConfig api(String text) {
    return f.load(text).api().orElseThrow();
  }

  @Test
  void withoutAnApiSectionThereIsNoApi() {
    assertThat(f.loadNoFile().api()).isEmpty();
    assertThat(f.load(yaml("cluster: { name: db-x-y }")).api()).isEmpty();
    assertThat(f.load(yaml("api:")).api()).isEmpty();
    assertThat(f.load(yaml("api: null")).api()).isEmpty();
  }

  @Test
  void anApiSectionRunsTheApiWithTheDefaults() {
    ApiConfig api = api(yaml("api:", "  anon_role: api_anonymous"));

    assertThat(api)
        .isEqualTo(
            new ApiConfig(
                true,
                "127.0.0.1",
                3000,
                "app",
                "authenticator",
                Optional.empty(),
                Optional.empty(),
                List.of("public"),
                Optional.of("api_anonymous"),
                new JwtConfig(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    ".role",
                    Optional.empty(),
                    Duration.ofSeconds(30)),
                Optional.empty(),
                Optional.empty(),
                TxEnd.COMMIT,
                true,
                10_485_760L,
                false,
                10,
                List.of(),
                false));
  }

  @Test
  void aTuskApiVariableCountsAsAnApiSection() {
    f.env("TUSK_API_JWT_COOKIE", "session").env("TUSK_API_ANON_ROLE", "api_anonymous");

    ApiConfig api = f.loadNoFile().api().orElseThrow();

    assertThat(api.enabled()).isTrue();
    assertThat(api.jwt().cookieName()).contains("session");
  }

  @Test
  void theVariableBeatsTheFile() {
    f.env("TUSK_API_PORT", "3005").env("TUSK_API_JWT_ROLE_CLAIM_KEY", ".app.role");

    ApiConfig api =
        api(
            yaml(
                "api:",
                "  port: 3004",
                "  anon_role: api_anonymous",
                "  jwt: { role_claim_key: .r }"));

    assertThat(api.port()).isEqualTo(3005);
    assertThat(api.jwt().roleClaimKey()).isEqualTo(".app.role");
  }

  @Test
  void theDatabaseDefaultsToTheFirstAndTheSchemasToItsSchemas() {
    String databases =
        yaml(
            "databases:",
            "  - { name: shop, owner: app_owner, schemas: [content, identity] }",
            "  - { name: other, owner: app_owner }");

    assertThat(api(databases + yaml("api: { anon_role: api_anonymous }")))
        .satisfies(
            a -> {
              assertThat(a.database()).isEqualTo("shop");
              assertThat(a.schemas()).containsExactly("content", "identity");
            });
    assertThat(
            api(databases + yaml("api: { anon_role: api_anonymous, database: other }")).schemas())
        .containsExactly("public");
    assertThat(
            api(databases + yaml("api: { anon_role: api_anonymous, schemas: [b, a] }")).schemas())
        .containsExactly("b", "a");
  }

  @Test
  void withoutDatabasesTheApiServesPostgres() {
    ApiConfig api = api(yaml("databases: []", "api: { anon_role: api_anonymous }"));

    assertThat(api.database()).isEqualTo("postgres");
    assertThat(api.schemas()).containsExactly("public");
  }

  @Test
  void aDbUriNamesUserAndDatabaseAndSkipsTheRoleChecks() {
    ApiConfig api =
        api(
            yaml(
                "databases: [{ name: shop, owner: app_owner, schemas: [content] }]",
                "api:",
                "  db_uri: postgres://web_auth:pw@db.example.com:5433/crm?sslmode=require",
                "  anon_role: web_anon"));

    assertThat(api.user()).isEqualTo("web_auth");
    assertThat(api.database()).isEqualTo("crm");
    assertThat(api.schemas()).containsExactly("public");
    assertThat(api.dbUri().orElseThrow().source()).isEqualTo("literal");
  }

  @Test
  void aDbUriWithoutAUserFallsBackToPgUserAndPgDatabase() {
    f.env("PGUSER", "env_auth");
    String text = yaml("api: { db_uri: \"host=db.example.com\", anon_role: web_anon }");

    assertThat(api(text).user()).isEqualTo("env_auth");
    assertThat(api(text).database()).isEqualTo("env_auth");
    f.env("PGDATABASE", "env_db");
    assertThat(api(text).database()).isEqualTo("env_db");
  }

  @Test
  void anEmptyTuskApiVariableDoesNotCreateTheSection() {
    f.env("TUSK_API_ANON_ROLE", "");

    assertThat(f.loadNoFile().api()).isEmpty();
  }

  @Test
  void hostileValuesFailCleanly() {
    f.env("TUSK_API_JWT_SECRET", "{\"a\":" + "[".repeat(200_000));
    ConfigException deep = f.failLoading(Optional.empty());
    assertThat(deep.getMessage())
        .startsWith("api.jwt.secret starts with '{' but is not valid JSON");

    f.env("TUSK_API_JWT_SECRET", "x".repeat(1_000_000));
    f.env(
        "TUSK_API_DB_URI",
        "postgres://u@h/" + "d".repeat(1_000_000) + "?a=" + "%41".repeat(100_000));
    assertThat(f.loadNoFile().api().orElseThrow().database()).hasSize(1_000_000);

    f.env("TUSK_API_DB_URI", "postgres://" + "h,".repeat(100_000) + "/d");
    assertThat(f.failLoading(Optional.empty()).getMessage()).contains("names no user");
  }

  @Test
  void aDisabledApiSkipsTheChecksThatNeedTheOtherSectionsButNotTheValueChecks() {
    ApiConfig api = api(yaml("api: { enabled: false, user: nobody_here, port: 5432 }"));

    assertThat(api.enabled()).isFalse();
    assertThat(api.user()).isEqualTo("nobody_here");
    assertThat(f.fail(yaml("api: { enabled: false, port: x }")).code())
        .isEqualTo("config.bad_type");
  }

  @Test
  void theApiMaySwitchToTheAnonymousRoleThroughAnotherRole() {
    ApiConfig api =
        api(
            yaml(
                "roles:",
                "  - { name: web_anon }",
                "  - { name: web_user, member_of: [web_anon] }",
                "  - { name: auth, login: true, inherit: false, member_of: [web_user] }",
                "databases: []",
                "api: { user: auth, anon_role: web_anon }"));

    assertThat(api.user()).isEqualTo("auth");
  }

  static final String ROLES =
      yaml(
          "roles:",
          "  - { name: api_anonymous }",
          "  - { name: authenticator, login: true, password: \"${env:AUTH_PW}\","
              + " member_of: [api_anonymous] }",
          "databases: []");

  @Test
  void thePasswordDefaultsToTheLoginRolesPassword() {
    f.env("AUTH_PW", "the-role-password");

    ApiConfig api = api(ROLES + yaml("api: { anon_role: api_anonymous }"));

    assertThat(api.password()).contains(new Secret("the-role-password", "env:AUTH_PW"));
  }

  @Test
  void aPasswordThatDiffersFromTheRolesCannotWorkAndIsNotShown() {
    f.env("AUTH_PW", "the-role-password").env("API_PW", "another-password");

    ConfigException e =
        f.fail(ROLES + yaml("api: { anon_role: api_anonymous, password: \"${env:API_PW}\" }"));

    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage())
        .startsWith("api.password differs from the password of role \"authenticator\" in roles")
        .doesNotContain("another-password")
        .doesNotContain("the-role-password");
    assertThat(e.hint())
        .hasValueSatisfying(h -> assertThat(h).doesNotContain("-password").contains("not shown"));
  }

  @Test
  void aPasswordForARoleWithAGeneratedPasswordIsRefused() {
    ConfigException e = f.fail(yaml("api: { anon_role: api_anonymous, password: s3cret }"));

    assertThat(e.getMessage())
        .contains("role \"authenticator\" has no password in roles, so Tusk generates")
        .doesNotContain("s3cret");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("move the password"));
  }
}
