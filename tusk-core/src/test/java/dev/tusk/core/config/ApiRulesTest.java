package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the {@code api} section, one row each: the keys under {@code api} (after the
 * default roles and database), the error code and a part of the message that names the key, the
 * value or the conflict.
 */
class ApiRulesTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  static final String ANON = "anon_role: api_anonymous, ";
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  static Arguments row(String apiKeys, String code, String message) {
    return Arguments.of("api: { " + apiKeys + " }", code, message);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        row(
            "enabled: true",
            "config.bad_value",
            "the API would refuse every request: none of api.jwt.secret, api.jwt.jwks_file,"
                + " api.jwt.jwks_url and api.anon_role is set (api section at tusk.yaml:1:6)"),
        row("enabled: yes", "config.bad_type", "api.enabled must be true or false, got \"yes\""),
        row(ANON + "listen: \"a b\"", "config.bad_value", "api.listen must be one host name"),
        row(ANON + "port: 0", "config.bad_value", "api.port must be an integer 1-65535, got \"0\""),
        row(
            ANON + "port: 5432",
            "config.bad_value",
            "api.port 5432 at tusk.yaml:1:40 is also postgres.port"),
        row(
            ANON + "port: 8008",
            "config.bad_value",
            "api.port 8008 at tusk.yaml:1:40 is also admin.port"),
        row(
            ANON + "user: postgres",
            "config.bad_value",
            "api.user \"postgres\" at tusk.yaml:1:40 is postgres.superuser; the API never connects"
                + " as a superuser"),
        row(ANON + "user: ghost", "config.unknown_role", "api.user names role \"ghost\""),
        row(
            ANON + "user: api_user",
            "config.bad_value",
            "names role \"api_user\", which cannot log in"),
        row(
            ANON + "user: app_owner",
            "config.bad_value",
            "api.user \"app_owner\" is not a member of api.anon_role \"api_anonymous\""),
        row(
            "anon_role: anon",
            "config.unknown_role",
            "api.anon_role names role \"anon\" at tusk.yaml:1:19"),
        row(
            "anon_role: postgres",
            "config.bad_value",
            "is postgres.superuser; anonymous requests would run as the superuser"),
        row("anon_role: pg_read", "config.bad_value", "does not start with pg_"),
        row(
            ANON + "database: ap",
            "config.unknown_reference",
            "api.database names database \"ap\" at tusk.yaml:1:44, which is not in databases;"
                + " did you mean 'app'?"),
        row(
            ANON + "db_uri: \"postgres://a@h/d\", user: authenticator",
            "config.bad_value",
            "api.db_uri at tusk.yaml:1:42 and api.user at tusk.yaml:1:68 are both set"),
        row(
            ANON + "db_uri: \"postgres://a@h/d\", database: app",
            "config.bad_value",
            "api.database"),
        row(
            ANON + "db_uri: \"postgres://a@h/d\", password: pw",
            "config.bad_value",
            "api.password"),
        row(ANON + "db_uri: \"\"", "config.bad_value", "api.db_uri is empty"),
        row(
            ANON + "db_uri: \"postgres://h/d\"",
            "config.bad_value",
            "api.db_uri at tusk.yaml:1:42 names no user, and PGUSER is not set"),
        row(ANON + "db_uri: \"mysql://a@h/d\"", "config.bad_value", "is neither a postgresql://"),
        row(ANON + "schemas: []", "config.bad_value", "api.schemas must list at least one schema"),
        row(ANON + "schemas: [information_schema]", "config.bad_value", "information_schema"),
        row(ANON + "schemas: [pg_catalog]", "config.bad_value", "does not start with pg_"),
        row(ANON + "schemas: [a, a]", "config.duplicate_name", "duplicate schema \"a\""),
        row(ANON + "schemas: a", "config.bad_type", "api.schemas must be a list"),
        row(
            "jwt: { secret: too-short }",
            "config.bad_value",
            "api.jwt.secret must be at least 32 characters long at tusk.yaml:1:23"),
        row(
            "jwt: { secret: \"c2hvcnQ=\", secret_is_base64: true }",
            "config.bad_value",
            "api.jwt.secret must be at least 32 characters long once base64-decoded"),
        row(
            "jwt: { secret: \"!!not base64 at all, but long enough!!\", secret_is_base64: true }",
            "config.bad_value",
            "api.jwt.secret is not valid base64, but api.jwt.secret_is_base64 is true"),
        row(
            "jwt: { secret: '{\"kty\": ' }",
            "config.bad_value",
            "api.jwt.secret starts with '{' but is not valid JSON"),
        row(
            "jwt: { secret: '{\"keys\": [], \"padding\": \"0123456789\"}' }",
            "config.bad_value",
            "api.jwt.secret is JSON but neither a JWK"),
        row(ANON + "jwt: { secret: \"\" }", "config.bad_value", "api.jwt.secret is empty"),
        row(
            "jwt: { jwks_file: /k.json, jwks_url: \"https://a.example/k\" }",
            "config.bad_value",
            "api.jwt.jwks_file at tusk.yaml:1:26 and api.jwt.jwks_url at tusk.yaml:1:45 are both"
                + " set"),
        row(
            "jwt: { jwks_url: \"http://auth.example.com/jwks\" }",
            "config.bad_value",
            "api.jwt.jwks_url must be an https URL, or an http URL on a loopback host"),
        row("jwt: { jwks_url: \"ftp://localhost/k\" }", "config.bad_value", "api.jwt.jwks_url"),
        row("jwt: { jwks_url: \"https:///k\" }", "config.bad_value", "api.jwt.jwks_url"),
        row(ANON + "jwt: { audience: \"a:b c\" }", "config.bad_value", "api.jwt.audience must be"),
        row(
            ANON + "jwt: { role_claim_key: role }",
            "config.bad_value",
            "api.jwt.role_claim_key must be a JSPath such as .role"),
        row(
            ANON + "jwt: { cookie: \"a b\" }",
            "config.bad_value",
            "api.jwt.cookie must be a cookie"),
        row(
            ANON + "jwt: { clock_skew_seconds: 301 }",
            "config.bad_value",
            "api.jwt.clock_skew_seconds must be an integer 0-300, got \"301\""),
        row(ANON + "jwt: { clock_skew_seconds: -1 }", "config.bad_value", "0-300"),
        row(ANON + "jwt: { clock_skew_seconds: 1.5 }", "config.bad_type", "0-300"),
        row(ANON + "jwt: { secret_is_base64: 1 }", "config.bad_type", "true or false"),
        row(
            ANON + "max_rows: 0",
            "config.bad_value",
            "api.max_rows must be an integer 1-2147483647, got \"0\""),
        row(ANON + "max_rows: 2147483648", "config.bad_value", "api.max_rows"),
        row(ANON + "max_rows: many", "config.bad_type", "api.max_rows"),
        row(ANON + "pre_request: a.b.c", "config.bad_value", "api.pre_request must be a function"),
        row(ANON + "pre_request: \".x\"", "config.bad_value", "api.pre_request"),
        row(ANON + "pre_request: \"a b\"", "config.bad_value", "api.pre_request"),
        row(ANON + "pre_request: \"\"", "config.bad_value", "api.pre_request"),
        row(
            ANON + "tx_end: commit_allow_override",
            "config.bad_value",
            "api.tx_end must be one of commit | commit-allow-override | rollback |"
                + " rollback-allow-override"),
        row(ANON + "aggregates: 0", "config.bad_type", "api.aggregates must be true or false"),
        row(
            ANON + "max_body_bytes: 0",
            "config.bad_value",
            "api.max_body_bytes must be an integer 1-1073741824"),
        row(ANON + "max_body_bytes: 1073741825", "config.bad_value", "api.max_body_bytes"),
        row(ANON + "plan_enabled: null", "config.bad_type", "api.plan_enabled"),
        row(ANON + "pool_size: 0", "config.bad_value", "api.pool_size must be an integer 1-1000"),
        row(ANON + "pool_size: 1001", "config.bad_value", "api.pool_size"),
        row(
            ANON + "cors_origins: [\"*\"]",
            "config.bad_value",
            "api.cors_origins[0] must be an origin"),
        row(ANON + "cors_origins: [\"https://a.example/\"]", "config.bad_value", "an origin"),
        row(ANON + "cors_origins: [a.example]", "config.bad_value", "an origin"),
        row(
            ANON + "cors_origins: [\"https://a.example\", \"https://a.example\"]",
            "config.duplicate_name",
            "duplicate origin \"https://a.example\" in api.cors_origins[1]"),
        row(ANON + "server_timing: sometimes", "config.bad_type", "api.server_timing"),
        Arguments.of("api: [1]", "config.bad_type", "api must be a mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleNamesTheKeyAndThePlace(String text, String code, String message) {
    ConfigException e = f.fail(text);

    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
  }

  static Stream<Arguments> secrets() {
    return Stream.of(
        Arguments.of("jwt: { secret: hunter2hunter2 }"),
        Arguments.of("jwt: { secret: \"aHVudGVyMmh1bnRlcjI=\", secret_is_base64: true }"),
        Arguments.of("jwt: { secret: \"{hunter2hunter2-hunter2hunter2-hunter2\" }"),
        Arguments.of(ANON + "db_uri: \"postgres://u:hunter2@h:99999/d\""),
        Arguments.of(ANON + "db_uri: \"postgres://u:hunter2@h/d?sslmode\""),
        Arguments.of(ANON + "db_uri: \"postgres://u:hunter2 @h/d\""),
        Arguments.of(ANON + "db_uri: \"host=h password='hunter2\""),
        Arguments.of(ANON + "db_uri: \"hunter2\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void errorsAboutSecretsNeverShowThem(String apiKeys) {
    ConfigException e = f.fail("api: { " + apiKeys + " }\n");

    assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("aHVudGVy");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).doesNotContain("hunter2"));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("jwt: { secret: \"" + SECRET + "\" }"),
        Arguments.of(
            "jwt: { secret: \"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY\", secret_is_base64: true }"),
        Arguments.of(
            "jwt: { secret: \"_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-\", secret_is_base64: true }"),
        Arguments.of("jwt: { secret: '{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}' }"),
        Arguments.of(
            "jwt: { secret: '{\"keys\": [{\"kty\": \"RSA\", \"n\": \"x\", \"e\": \"AQAB\"}]}' }"),
        Arguments.of("jwt: { jwks_file: keys/jwks.json }"),
        Arguments.of("jwt: { jwks_url: \"https://auth.example.com/.well-known/jwks.json\" }"),
        Arguments.of("jwt: { jwks_url: \"http://localhost:8080/jwks\" }"),
        Arguments.of("jwt: { jwks_url: \"http://127.0.0.2/jwks\" }"),
        Arguments.of("jwt: { jwks_url: \"http://[::1]:9000/jwks\" }"),
        Arguments.of(ANON + "jwt: { audience: urn:example:api }"),
        Arguments.of(ANON + "jwt: { audience: my-api }"),
        Arguments.of(ANON + "jwt: { cookie: \"__Host-session\" }"),
        Arguments.of(ANON + "pre_request: check_request"),
        Arguments.of(ANON + "pre_request: Auth.Check_Request"),
        Arguments.of(ANON + "tx_end: ROLLBACK"),
        Arguments.of(ANON + "max_body_bytes: 1073741824"),
        Arguments.of(ANON + "max_rows: 2147483647"),
        Arguments.of(ANON + "pool_size: 1000"),
        Arguments.of(ANON + "listen: \"::\""),
        Arguments.of(
            ANON + "cors_origins: [\"https://a.example:8443\", \"capacitor://localhost\"]"),
        Arguments.of(ANON + "schemas: [\"Mixed Case\", api]"),
        Arguments.of(ANON + "port: 8008, database: postgres"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptedValues(String apiKeys) {
    String admin = apiKeys.contains("8008") ? "admin: { enabled: false }\n" : "";

    assertThat(f.load(admin + "api: { " + apiKeys + " }\n").api()).isPresent();
  }
}
