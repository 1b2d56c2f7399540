package dev.tusk.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every scalar key of tusk.yaml that has a {@code TUSK_*} environment override, in the style of
 * pgjdbc's {@code PGProperty}: the key path, its type, its default and what it does. The
 * environment variable is derived from the key path ({@code postgres.tls.mode} → {@code
 * TUSK_POSTGRES_TLS_MODE}), never written by hand, so the two cannot drift apart; a unit test
 * checks the derived names are unique. List entries ({@code databases}, {@code roles}), the lists
 * {@code api.schemas} and {@code api.cors_origins} and the {@code postgres.parameters} map have no
 * overrides: they are not scalar keys.
 */
public enum ConfigOption {
  CLUSTER_NAME(
      "cluster.name",
      Kind.STRING,
      "db-app-dev",
      "Cluster name, db-<service>-<environment>: ^[a-z][a-z0-9-]{0,62}$."),
  CLUSTER_HOME(
      "cluster.home",
      Kind.PATH,
      "./tusk-data",
      "Directory for pgdata/, tls/, secrets/ and tusk.log."),
  POSTGRES_VERSION(
      "postgres.version", Kind.INTEGER, "18", "PostgreSQL major version of the embedded binaries."),
  POSTGRES_BIN_DIR(
      "postgres.bin_dir",
      Kind.PATH,
      null,
      "Directory of a system installation's initdb/pg_ctl/postgres; null uses embedded binaries."),
  POSTGRES_DATA_DIR(
      "postgres.data_dir", Kind.PATH, null, "PostgreSQL data directory; default <home>/pgdata."),
  POSTGRES_LISTEN(
      "postgres.listen",
      Kind.STRING,
      "127.0.0.1",
      "listen_addresses: comma-separated host names or IP addresses, or *."),
  POSTGRES_PORT("postgres.port", Kind.INTEGER, "5432", "PostgreSQL TCP port, 1-65535."),
  POSTGRES_OS_USER(
      "postgres.os_user",
      Kind.STRING,
      "postgres",
      "Operating-system user that runs PostgreSQL when Tusk runs as root."),
  POSTGRES_SUPERUSER(
      "postgres.superuser", Kind.STRING, "postgres", "Name of the bootstrap superuser role."),
  POSTGRES_SUPERUSER_PASSWORD(
      "postgres.superuser_password",
      Kind.SECRET,
      null,
      "Superuser password; null has one generated and kept under <home>/secrets."),
  POSTGRES_TLS_MODE("postgres.tls.mode", Kind.CHOICE, "auto", "auto | files | off."),
  POSTGRES_TLS_DIR(
      "postgres.tls.dir",
      Kind.PATH,
      null,
      "mode files: certbot-style directory with fullchain.pem, privkey.pem, chain.pem."),
  POSTGRES_TLS_CERT_FILE(
      "postgres.tls.cert_file", Kind.PATH, null, "mode files: server certificate (PEM)."),
  POSTGRES_TLS_KEY_FILE("postgres.tls.key_file", Kind.PATH, null, "mode files: private key (PEM)."),
  POSTGRES_TLS_CA_FILE(
      "postgres.tls.ca_file", Kind.PATH, null, "mode files: CA or chain certificates (PEM)."),
  API_ENABLED(
      "api.enabled",
      Kind.BOOLEAN,
      "true",
      "Serve the REST API; applies when the file has an api section or a TUSK_API_* variable is"
          + " set (with neither, there is no API)."),
  API_LISTEN("api.listen", Kind.STRING, "127.0.0.1", "Address of the REST API (one address)."),
  API_PORT("api.port", Kind.INTEGER, "3000", "Port of the REST API, 1-65535."),
  API_DATABASE(
      "api.database",
      Kind.STRING,
      null,
      "Database the API serves; default the first entry of databases, else postgres."),
  API_USER(
      "api.user",
      Kind.STRING,
      "authenticator",
      "Login role the API connects as (never the superuser); it switches roles per request."),
  API_PASSWORD(
      "api.password",
      Kind.SECRET,
      null,
      "Password of api.user; default that role's password (configured or generated)."),
  API_DB_URI(
      "api.db_uri",
      Kind.SECRET,
      null,
      "postgres:// URI or key=value string of any PostgreSQL, instead of database/user/password."),
  API_ANON_ROLE(
      "api.anon_role",
      Kind.STRING,
      null,
      "Role for requests without a token; null refuses anonymous requests."),
  API_MAX_ROWS(
      "api.max_rows", Kind.INTEGER, null, "Most rows one request reads (>= 1); null: no limit."),
  API_PRE_REQUEST(
      "api.pre_request",
      Kind.STRING,
      null,
      "Function called at the start of every request's transaction: schema.function."),
  API_TX_END(
      "api.tx_end",
      Kind.CHOICE,
      "commit",
      "commit | commit-allow-override | rollback | rollback-allow-override."),
  API_AGGREGATES(
      "api.aggregates", Kind.BOOLEAN, "true", "Allow count(), sum(), avg()... in select."),
  API_MAX_BODY_BYTES(
      "api.max_body_bytes", Kind.INTEGER, "10485760", "Largest request body, 1-1073741824 bytes."),
  API_PLAN_ENABLED(
      "api.plan_enabled",
      Kind.BOOLEAN,
      "false",
      "Answer Accept: application/vnd.pgrst.plan with the query plan."),
  API_POOL_SIZE(
      "api.pool_size", Kind.INTEGER, "10", "Most database connections of the API, 1-1000."),
  API_SERVER_TIMING(
      "api.server_timing", Kind.BOOLEAN, "false", "Send a Server-Timing response header."),
  API_JWT_SECRET(
      "api.jwt.secret",
      Kind.SECRET,
      null,
      "HMAC secret (at least 32 characters), or a JWK / JWK set as JSON."),
  API_JWT_SECRET_IS_BASE64(
      "api.jwt.secret_is_base64", Kind.BOOLEAN, "false", "The secret is base64-encoded."),
  API_JWT_JWKS_FILE(
      "api.jwt.jwks_file", Kind.PATH, null, "File holding a JWK set (RS/ES/EdDSA keys)."),
  API_JWT_JWKS_URL(
      "api.jwt.jwks_url",
      Kind.STRING,
      null,
      "URL of a JWK set: https, or http on a loopback host only."),
  API_JWT_AUDIENCE(
      "api.jwt.audience", Kind.STRING, null, "Required aud claim; null accepts any audience."),
  API_JWT_ROLE_CLAIM_KEY(
      "api.jwt.role_claim_key",
      Kind.STRING,
      ".role",
      "Where the role is in the claims, as PostgREST's JSPath (.role, .realm.roles[0])."),
  API_JWT_COOKIE(
      "api.jwt.cookie", Kind.STRING, null, "Also read the token from this cookie; null: never."),
  API_JWT_CLOCK_SKEW_SECONDS(
      "api.jwt.clock_skew_seconds",
      Kind.INTEGER,
      "30",
      "Tolerance for exp/nbf/iat, 0-300 seconds."),
  MIGRATIONS_DIR(
      "migrations.dir",
      Kind.PATH,
      "./migrations",
      "Directory of V<version>__<name>.up.sql/.down.sql and R__<name>.sql files."),
  MIGRATIONS_DATABASE(
      "migrations.database",
      Kind.STRING,
      null,
      "Database the migrations apply to; default the first entry of databases, else postgres."),
  MIGRATIONS_AUTO_APPLY(
      "migrations.auto_apply",
      Kind.BOOLEAN,
      "true",
      "tusk up applies pending migrations after bootstrap (when dir exists)."),
  MIGRATIONS_ALLOW_OUT_OF_ORDER(
      "migrations.allow_out_of_order",
      Kind.BOOLEAN,
      "false",
      "Apply pending versions older than the latest applied one instead of refusing."),
  MIGRATIONS_TENANT_DIR(
      "migrations.tenant_dir",
      Kind.PATH,
      null,
      "Directory of the tenant migrations (tenant create, migrate up --tenants); null: none."),
  MIGRATIONS_AS_ROLE(
      "migrations.as_role",
      Kind.STRING,
      null,
      "Role the migrations run as (SET ROLE), owning what they create; default the database's"
          + " owner."),
  ADMIN_ENABLED(
      "admin.enabled",
      Kind.BOOLEAN,
      "true",
      "Serve /live, /ready, /status and /metrics over HTTP."),
  ADMIN_LISTEN(
      "admin.listen", Kind.STRING, "127.0.0.1", "Address of the admin HTTP server (one address)."),
  ADMIN_PORT("admin.port", Kind.INTEGER, "8008", "Port of the admin HTTP server, 1-65535.");

  /** How the value is read; the section that owns the key adds the range or pattern. */
  public enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    PATH,
    SECRET,
    CHOICE
  }

  private final String key;
  private final Kind kind;
  private final String defaultValue;
  private final String description;

  ConfigOption(String key, Kind kind, String defaultValue, String description) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The dotted key path in tusk.yaml, such as {@code postgres.tls.mode}. */
  public String key() {
    return key;
  }

  /** The overriding environment variable, such as {@code TUSK_POSTGRES_TLS_MODE}. */
  public String envName() {
    return "TUSK_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The default as it would be written in the file; empty when the default is null or derived from
   * another key (see the description).
   */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public String description() {
    return description;
  }

  /** The mapping that holds the key: {@code postgres.tls} for {@code postgres.tls.mode}. */
  public String section() {
    return key.substring(0, key.lastIndexOf('.'));
  }

  /** The key's own name inside its mapping: {@code mode} for {@code postgres.tls.mode}. */
  public String leaf() {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  /** The options that live directly in {@code section}, in declaration order. */
  public static List<ConfigOption> in(String section) {
    List<ConfigOption> out = new ArrayList<>();
    for (ConfigOption o : values()) {
      if (o.section().equals(section)) {
        out.add(o);
      }
    }
    return out;
  }
}
